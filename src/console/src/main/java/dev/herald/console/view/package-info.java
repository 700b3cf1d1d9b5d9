/**
 * What the console's templates draw: one value per page, built by the servlet from the delivery
 * API's answers. Public only because the compiled templates read them.
 */
package dev.herald.console.view;
