package dev.herald.page;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;

/**
 * The response {@link ShareFilter} hands down the chain: it holds a rewritable page's body until the
 * page is complete, and streams every other response straight through.
 *
 * <p>Nothing is decided up front: at the first byte, flush or commit the wrapper asks the
 * {@link RewritePolicy} about the status and headers set by then. A page it may rewrite is
 * buffered, up to a cap; at the end it is rewritten and written with its new Content-Length. Any
 * other response, a page past the cap, and a page whose servlet failed go to the container as the
 * application wrote them. Only what has to change is overridden.
 *
 * <p>Not thread-safe beyond what the Servlet specification promises an application: one thread
 * writes at a time; {@link #finish} and {@link #abandon} may come from an async listener.
 */
final class BufferingResponse extends HttpServletResponseWrapper {

    /** Plans the rewrite of a complete page; {@code null} means send it as it is. */
    @FunctionalInterface
    interface Planner {
        Rewrite plan(byte[] body, int length, Charset declaredCharset);
    }

    private enum State {
        /** Nothing written, flushed or committed yet. */
        UNDECIDED,
        /** A rewritable page: bytes go to {@link #buf}. */
        BUFFERING,
        /** Everything goes to the container as written. */
        PASSING,
        /** Finished, or answered with sendError/sendRedirect: later writes are dropped, as containers do. */
        DONE
    }

    private static final byte[] NO_BYTES = new byte[0];

    private final RewritePolicy policy;
    private final int cap;
    private final boolean head;
    private final Planner planner;
    private final java.util.function.BooleanSupplier inForward;
    private final BufferPool pool;

    private State state = State.UNDECIDED;
    private byte[] buf = NO_BYTES;
    private int count;
    /** A Content-Length the application set while it could not be passed on, or -1. */
    private long heldLength = -1;
    /** Whether the application flushed while its bytes were held: honoured if they end up passed through. */
    private boolean flushRequested;
    private ServletOutputStream container;

    private BodyStream stream;
    private BodyWriter bodyWriter;
    private PrintWriter writer;
    /** The charset fixed by getWriter(), as a container fixes it; later charset changes are ignored. */
    private String writerEncoding;

    /** Whether Herald's filter runs on this request's FORWARD and ASYNC dispatches too (see {@link #dispatchHooked}). */
    private volatile boolean dispatchHooked;
    /** Whether the application asked for an async dispatch. */
    private volatile boolean asyncDispatched;
    /** Set when the output may now come from a dispatch target: the next write checks {@link #unhookedDispatch}. */
    private volatile boolean recheckDispatch;

    /**
     * @param inForward whether the request is inside a forward, as the request's forward attributes
     *     tell (Tomcat 11 shows them through Herald's request wrapper)
     */
    BufferingResponse(HttpServletResponse response, RewritePolicy policy, int cap, boolean head, Planner planner,
            java.util.function.BooleanSupplier inForward, BufferPool pool) {
        super(response);
        this.pool = pool;
        this.policy = policy;
        this.cap = cap;
        this.head = head;
        this.planner = planner;
        this.inForward = inForward;
    }

    /**
     * Called by the filter when it runs on a FORWARD or ASYNC dispatch of this request: it will
     * {@link #finish} the page when that dispatch ends, before the container closes the response.
     */
    void dispatchHooked() {
        dispatchHooked = true;
    }

    /** Called when the application asks for an async dispatch. */
    void asyncDispatched() {
        asyncDispatched = true;
        recheckDispatch = true;
    }

    // ---- the body -------------------------------------------------------------------------------

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) throw new IllegalStateException("getWriter() has already been called for this response");
        if (stream == null) stream = new BodyStream();
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (stream != null) throw new IllegalStateException("getOutputStream() has already been called for this response");
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = Charset.forName(encoding);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new UnsupportedEncodingException(encoding);
            }
            // Containers write the charset into Content-Type when getWriter() fixes it (Servlet 6.1, 5.6).
            super.setCharacterEncoding(encoding);
            writerEncoding = encoding;
            bodyWriter = new BodyWriter(charset);
            writer = new PrintWriter(bodyWriter, false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        pushWriter();
        appFlush();
    }

    @Override
    public void resetBuffer() {
        recheckDispatch = true; // a forward starts with resetBuffer() (Tomcat 11)
        if (bodyWriter != null) bodyWriter.discard();
        if (state == State.PASSING) {
            super.resetBuffer();
        } else {
            count = 0;
        }
    }

    @Override
    public void reset() {
        super.reset(); // throws IllegalStateException when committed, as it should
        if (bodyWriter != null) bodyWriter.discard();
        if (state != State.DONE) state = State.UNDECIDED;
        count = 0;
        heldLength = -1;
        flushRequested = false;
        container = null;
        // reset() also forgets which of getWriter()/getOutputStream() was used (Tomcat 11, Jetty 12).
        stream = null;
        writer = null;
        bodyWriter = null;
        writerEncoding = null;
    }

    // ---- charset: fixed by getWriter() ----------------------------------------------------------

    @Override
    public void setCharacterEncoding(String charset) {
        if (writerEncoding == null) super.setCharacterEncoding(charset);
    }

    @Override
    public void setCharacterEncoding(Charset charset) {
        if (writerEncoding == null) super.setCharacterEncoding(charset);
    }

    @Override
    public void setContentType(String type) {
        if (writerEncoding == null || type == null) {
            super.setContentType(type);
            return;
        }
        // The container never saw our getWriter(), so it would accept a new charset here and
        // mislabel the bytes already encoded; keep the type, drop the charset, as containers do.
        int semi = type.indexOf(';');
        super.setContentType(semi < 0 ? type : type.substring(0, semi).strip());
        super.setCharacterEncoding(writerEncoding);
    }

    @Override
    public void setLocale(Locale locale) {
        super.setLocale(locale);
        if (writerEncoding != null) super.setCharacterEncoding(writerEncoding);
    }

    // ---- Content-Length: held while the body may still change ------------------------------------

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (holding()) heldLength = len;
        else super.setContentLengthLong(len);
    }

    @Override
    public void setHeader(String name, String value) {
        if (isContentLength(name) && holding()) heldLength = parseLength(value);
        else super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (isContentLength(name) && holding()) heldLength = parseLength(value);
        else super.addHeader(name, value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (isContentLength(name) && holding()) heldLength = value;
        else super.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (isContentLength(name) && holding()) heldLength = value;
        else super.addIntHeader(name, value);
    }

    // ---- answers that replace the page ----------------------------------------------------------

    @Override
    public void sendError(int sc, String msg) throws IOException {
        discardHeld();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        discardHeld();
        super.sendError(sc);
    }

    // Each form calls the same form on the container: Jetty 12.1 (ee10) implements Servlet 6.0's
    // sendRedirect(String) only, and the 6.1 forms fail there with AbstractMethodError.

    @Override
    public void sendRedirect(String location) throws IOException {
        discardHeld();
        super.sendRedirect(location);
    }

    @Override
    public void sendRedirect(String location, int sc) throws IOException {
        discardHeld();
        super.sendRedirect(location, sc);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        beforeRedirect(clearBuffer);
        super.sendRedirect(location, clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        beforeRedirect(clearBuffer);
        super.sendRedirect(location, sc, clearBuffer);
    }

    private void beforeRedirect(boolean clearBuffer) throws IOException {
        if (clearBuffer) {
            discardHeld();
        } else {
            pushWriter();
            pass(); // the body the application wrote goes out with the redirect, unmodified
            state = State.DONE;
        }
    }

    // ---- end of the response --------------------------------------------------------------------

    /**
     * Completes the response after the application has finished: rewrites a buffered page and
     * writes it, or leaves a passed-through response to the container. Idempotent.
     */
    synchronized void finish() throws IOException {
        pushWriter();
        if (state == State.UNDECIDED) decide();
        if (state != State.BUFFERING) {
            state = State.DONE;
            return;
        }
        state = State.DONE;
        if (super.isCommitted()) {
            // The container already answered (an async timeout's error page, say): nothing to add.
            releaseBuffer();
            return;
        }
        Rewrite rewrite = null;
        if (count > 0 && policy.acceptsResponse(getStatus(), getContentType(), getHeader("Content-Encoding"))) {
            rewrite = planner.plan(buf, count, declaredCharset());
        }
        if (rewrite == null || !rewrite.changesBody()) {
            super.setContentLengthLong(heldLength >= 0 ? heldLength : count);
            if (!head) container().write(buf, 0, count);
        } else {
            int length = (int) Math.min(Integer.MAX_VALUE - 16, rewrite.outputLength(count));
            super.setContentLengthLong(length);
            if (!head) {
                spliceInPlace(rewrite, length);
                // One write of the whole page: Jetty 12 and Tomcat 11 then send headers and body together,
                // where a write per splice costs a network write each once past their aggregation buffer.
                container().write(buf, 0, length);
            }
        }
        releaseBuffer();
    }

    /**
     * Applies {@code rewrite} inside {@link #buf}, last insertion first, so that the page needs no
     * second array: each stretch of the original moves right by the bytes inserted before it.
     */
    private void spliceInPlace(Rewrite rewrite, int length) {
        ensureCapacity(length);
        List<Rewrite.Insertion> insertions = rewrite.insertions();
        int end = count;
        int shift = length - count;
        for (int k = insertions.size() - 1; k >= 0; k--) {
            Rewrite.Insertion in = insertions.get(k);
            int at = in.offset();
            if (at > end) throw new IllegalStateException("insertion at " + at + " lies beyond the body");
            System.arraycopy(buf, at, buf, at + shift, end - at);
            shift -= in.bytes().length;
            System.arraycopy(in.bytes(), 0, buf, at + shift, in.bytes().length);
            end = at;
        }
        count = length;
    }

    /**
     * Hands everything the application wrote to the container unmodified, after the application
     * failed: the container then does exactly what it would have done without Herald (an error
     * page while uncommitted, else the partial page), and the page is never swallowed.
     */
    synchronized void abandon() {
        if (state == State.DONE) return;
        try {
            pushWriter();
            pass();
        } catch (IOException | RuntimeException e) {
            // The application's own failure is what the caller rethrows; this one adds nothing.
        } finally {
            state = State.DONE;
        }
    }

    // ---- internals ------------------------------------------------------------------------------

    private boolean holding() {
        return state == State.UNDECIDED || state == State.BUFFERING;
    }

    private void decide() throws IOException {
        if (state != State.UNDECIDED) return;
        recheckDispatch = false;
        if (!super.isCommitted() && !unhookedDispatch()
                && policy.acceptsResponse(getStatus(), getContentType(), getHeader("Content-Encoding"))) {
            state = State.BUFFERING;
        } else {
            pass();
        }
    }

    /** Switches to pass-through: restores held headers and hands held bytes to the container. */
    private void pass() throws IOException {
        if (state == State.PASSING || state == State.DONE) return;
        state = State.PASSING;
        if (heldLength >= 0 && !super.isCommitted()) super.setContentLengthLong(heldLength);
        heldLength = -1;
        if (count > 0) container().write(buf, 0, count);
        releaseBuffer();
        if (flushRequested) container().flush();
    }

    private void discardHeld() {
        if (bodyWriter != null) bodyWriter.discard();
        releaseBuffer();
        heldLength = -1;
        state = State.DONE;
    }

    private void releaseBuffer() {
        byte[] b = buf;
        buf = NO_BYTES;
        count = 0;
        pool.release(b);
    }

    /**
     * Whether the output now comes from a forward or async dispatch whose end Herald will not see,
     * because its filter is not mapped for that dispatcher type. Such a page must stream through:
     * Tomcat 11 suspends a wrapped response when a forward ends (suspendWrappedResponseAfterForward),
     * and Jetty 12 completes it when an async dispatch ends, so a page still held then is lost.
     */
    private boolean unhookedDispatch() {
        return !dispatchHooked && (asyncDispatched || inForward.getAsBoolean());
    }

    /** Before any output: streams through from here when a dispatch Herald won't see the end of began. */
    private void checkDispatch() throws IOException {
        if (recheckDispatch && state == State.BUFFERING) {
            recheckDispatch = false;
            if (unhookedDispatch()) pass();
        }
    }

    private void write(byte[] b, int off, int len) throws IOException {
        checkDispatch();
        if (state == State.UNDECIDED) decide();
        switch (state) {
            case BUFFERING -> {
                if (len > cap - count) {
                    // Past the cap: what is held and everything after it streams through unmodified.
                    pass();
                    container().write(b, off, len);
                } else {
                    ensureCapacity(count + len);
                    System.arraycopy(b, off, buf, count, len);
                    count += len;
                }
            }
            case PASSING -> container().write(b, off, len);
            case DONE -> { /* after sendError/sendRedirect or completion: dropped, as Tomcat and Jetty do */ }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= buf.length) return;
        if (buf == NO_BYTES) {
            // A Content-Length announced up front (static files, most servlets that set one) sizes
            // the buffer once, with room for what Herald inserts; otherwise 16 KiB to start.
            int hint = heldLength > 0 && heldLength <= cap ? (int) heldLength + 16 * 1024 : 16 * 1024;
            buf = pool.acquire(Math.max(needed, hint));
            return;
        }
        byte[] bigger = new byte[Math.max(needed, buf.length * 2)];
        System.arraycopy(buf, 0, bigger, 0, count);
        pool.release(buf);
        buf = bigger;
    }

    private void appFlush() throws IOException {
        if (state == State.UNDECIDED) decide();
        if (state == State.BUFFERING) {
            flushRequested = true; // committing now would fix the Content-Length before the rewrite
        } else if (state == State.PASSING) {
            super.flushBuffer();
        }
    }

    private void pushWriter() throws IOException {
        if (bodyWriter != null) bodyWriter.push();
    }

    private ServletOutputStream container() throws IOException {
        if (container == null) container = super.getOutputStream();
        return container;
    }

    private Charset declaredCharset() {
        String type = getContentType();
        if (type == null) return null;
        int i = type.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (i < 0) return null;
        String name = type.substring(i + 8);
        int semi = name.indexOf(';');
        if (semi >= 0) name = name.substring(0, semi);
        name = name.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) name = name.substring(1, name.length() - 1);
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null; // the transformer detects it from the bytes
        }
    }

    private static boolean isContentLength(String name) {
        return "Content-Length".equalsIgnoreCase(name);
    }

    private static long parseLength(String value) {
        if (value == null) return -1;
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The application's byte stream: each call routes through {@link #write}. */
    private final class BodyStream extends ServletOutputStream {
        private final byte[] one = new byte[1];

        @Override
        public void write(int b) throws IOException {
            one[0] = (byte) b;
            BufferingResponse.this.write(one, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            BufferingResponse.this.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            appFlush();
        }

        @Override
        public void close() throws IOException {
            // Closing completes the response only once the page is written; a passed-through one closes now.
            if (state == State.PASSING) container().close();
        }

        @Override
        public boolean isReady() {
            if (state != State.PASSING) return true;
            try {
                return container().isReady();
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // Non-blocking output is passed through unmodified: a buffered write can't honour
            // isReady()/onWritePossible() and still hold the page. Held bytes go out first.
            try {
                pass();
                container().setWriteListener(listener);
            } catch (IOException e) {
                throw new IllegalStateException("cannot switch to non-blocking output", e);
            }
        }
    }

    /**
     * Characters for the application's writer, encoded in the charset getWriter() fixed. Unless a
     * page is being held, characters are encoded and handed on at once, as a container's writer
     * does: the container may close the response before Herald's end of the request (a forward
     * in Tomcat 11, an async dispatch in Jetty 12), and characters still in an encoder are lost.
     */
    private final class BodyWriter extends Writer {
        private final Charset charset;
        private OutputStreamWriter encoder;

        BodyWriter(Charset charset) {
            this.charset = charset;
        }

        private OutputStreamWriter encoder() {
            if (encoder == null) {
                encoder = new OutputStreamWriter(new java.io.OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        BufferingResponse.this.write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        BufferingResponse.this.write(b, off, len);
                    }
                }, charset);
            }
            return encoder;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            checkDispatch();
            encoder().write(cbuf, off, len);
            if (state != State.BUFFERING) push();
        }

        @Override
        public void write(String str, int off, int len) throws IOException {
            checkDispatch();
            encoder().write(str, off, len);
            if (state != State.BUFFERING) push();
        }

        @Override
        public void write(int c) throws IOException {
            checkDispatch();
            encoder().write(c);
            if (state != State.BUFFERING) push();
        }

        /** Moves encoded bytes on, without it counting as the application's flush. */
        void push() throws IOException {
            if (encoder != null) encoder.flush();
        }

        /** Forgets characters not yet encoded (reset/resetBuffer). */
        void discard() {
            encoder = null;
        }

        @Override
        public void flush() throws IOException {
            push();
            appFlush();
        }

        @Override
        public void close() throws IOException {
            push();
            if (state == State.PASSING) container().close();
        }
    }
}
