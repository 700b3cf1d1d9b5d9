package dev.herald.page;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request {@link ShareFilter} hands down the chain with a {@link BufferingResponse}.
 *
 * <p>It does two things. A HEAD request is presented as a GET, so that the servlet produces the
 * body whose rewritten length the HEAD response must announce (the container discards a HEAD
 * response's body). And {@code startAsync()} starts the async cycle with Herald's wrappers, so that
 * writes from other threads still reach the buffer; the page is written when the cycle completes.
 */
final class FilteredRequest extends HttpServletRequestWrapper {
    private static final Logger log = LoggerFactory.getLogger(FilteredRequest.class);

    private final boolean headAsGet;
    private final BufferingResponse response;
    private CompletingAsyncContext async;

    FilteredRequest(HttpServletRequest request, boolean headAsGet, BufferingResponse response) {
        super(request);
        this.headAsGet = headAsGet;
        this.response = response;
    }

    /** Whether this request is inside a forward (Tomcat 11 inserts its forward wrapper below this one). */
    boolean inForward() {
        return getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI) != null;
    }

    @Override
    public String getMethod() {
        return headAsGet ? "GET" : super.getMethod();
    }

    @Override
    public AsyncContext startAsync() {
        return startAsync(this, response);
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse servletResponse) {
        // ServletRequestWrapper.startAsync() would start the cycle with the container's own
        // request and response (Servlet 6.1, 2.3.3.3), and async writes would bypass the buffer.
        AsyncContext started = super.startAsync(request, servletResponse);
        started.addListener(new Completion(), request, servletResponse);
        async = new CompletingAsyncContext(started, response);
        return async;
    }

    @Override
    public AsyncContext getAsyncContext() {
        AsyncContext current = super.getAsyncContext();
        CompletingAsyncContext mine = async;
        return mine != null && mine.delegate == current ? mine : current;
    }

    /** Writes the page when the async cycle ends, however it ends normally. */
    private final class Completion implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            finishQuietly(response);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // The application's listeners or the container's error handling answer a timeout.
        }

        @Override
        public void onError(AsyncEvent event) {
            response.abandon();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // A new cycle (startAsync after a dispatch) keeps the page pending until it completes.
            event.getAsyncContext().addListener(this, event.getSuppliedRequest(), event.getSuppliedResponse());
        }
    }

    static void finishQuietly(BufferingResponse response) {
        try {
            response.finish();
        } catch (IOException e) {
            log.debug("Client went away while Herald wrote an async page", e);
        }
    }

    /** The application's view of the async cycle: {@link #complete} writes the page first. */
    private static final class CompletingAsyncContext implements AsyncContext {
        final AsyncContext delegate;
        private final BufferingResponse response;

        CompletingAsyncContext(AsyncContext delegate, BufferingResponse response) {
            this.delegate = delegate;
            this.response = response;
        }

        @Override
        public void complete() {
            // Written on the application's thread, before the container starts completing: Jetty 12
            // may have completed the response by the time it calls AsyncListener.onComplete.
            try {
                finishQuietly(response);
            } finally {
                delegate.complete();
            }
        }

        @Override public ServletRequest getRequest() { return delegate.getRequest(); }
        @Override public ServletResponse getResponse() { return delegate.getResponse(); }
        @Override public boolean hasOriginalRequestAndResponse() { return delegate.hasOriginalRequestAndResponse(); }
        @Override public void dispatch() {
            response.asyncDispatched();
            delegate.dispatch();
        }
        @Override public void dispatch(String path) {
            response.asyncDispatched();
            delegate.dispatch(path);
        }
        @Override public void dispatch(ServletContext context, String path) {
            response.asyncDispatched();
            delegate.dispatch(context, path);
        }
        @Override public void start(Runnable run) { delegate.start(run); }
        @Override public void addListener(AsyncListener listener) { delegate.addListener(listener); }
        @Override public void addListener(AsyncListener listener, ServletRequest request, ServletResponse response) {
            delegate.addListener(listener, request, response);
        }
        @Override public <T extends AsyncListener> T createListener(Class<T> clazz) throws jakarta.servlet.ServletException {
            return delegate.createListener(clazz);
        }
        @Override public void setTimeout(long timeout) { delegate.setTimeout(timeout); }
        @Override public long getTimeout() { return delegate.getTimeout(); }
    }
}
