/**
 * The {@code herald} command line: the page half ({@code render}, {@code meta}) for static sites and
 * batch checks, and the syndication half ({@code post}, {@code preview}, {@code schedule},
 * {@code queue}, {@code worker}). Built by {@code mvn package} as {@code target/herald-<version>-cli.jar}.
 */
package dev.herald.cli;
