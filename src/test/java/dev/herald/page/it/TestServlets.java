package dev.herald.page.it;

import dev.herald.meta.ArticleMeta;
import dev.herald.page.HeraldRequests;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** The servlets of the test site, each one way a real application produces a response. */
public final class TestServlets {
    private TestServlets() {}

    /** An article page whose title is {@code title} (written as given: callers escape it). */
    public static String page(String title, String extraHead) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n"
                + extraHead + "</head>\n<body>\n<article>\n<h1>" + title + "</h1>\n"
                + "<p class=\"byline\">By Tess Ter</p>\n"
                + "<p>The council approved the new cycle lanes on Thursday after a long debate in which residents, shop owners"
                + " and commuters all had their say about the plan and its cost.</p>\n"
                + "<p>Work starts in spring and should take about six months, the council’s transport office said.</p>\n"
                + "</article>\n</body>\n</html>\n";
    }

    /** Writes an article with {@code getWriter()}, UTF-8. */
    public static final class WriterPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print(page("Cycle lanes approved", ""));
        }
    }

    /** Writes an article with {@code getOutputStream()} and announces its Content-Length first. */
    public static final class StreamPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] body = page("Cycle lanes approved", "").getBytes(StandardCharsets.UTF_8);
            resp.setContentType("text/html; charset=utf-8");
            resp.setContentLength(body.length);
            ServletOutputStream out = resp.getOutputStream();
            out.write(body, 0, 100);
            out.flush(); // must not commit a page that is still to be rewritten
            out.write(body, 100, body.length - 100);
        }
    }

    /** Sets the application's metadata, with a title written to break out of attributes and scripts. */
    public static final class HostileMeta extends HttpServlet {
        public static final String TITLE = "Breaking \"><script>alert(1)</script> & </script><!-- news";

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            HeraldRequests.setMeta(req, ArticleMeta.builder().title(TITLE).description("A \"quoted\" <b>summary</b> </script>").build());
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print(page("Harmless headline", ""));
        }
    }

    /** Streams JSON in two parts, waiting between them until the test has received the first. */
    public static final class StreamingJson extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            resp.setContentType(req.getParameter("type") == null ? "application/json" : req.getParameter("type"));
            PrintWriter w = resp.getWriter();
            w.print("{\"first\":true,");
            w.flush();
            try {
                if (!Handshake.await(req.getParameter("gate"))) throw new ServletException("the test never received the first part");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServletException(e);
            }
            w.print("\"second\":true}");
        }
    }

    /** Writes an HTML page of {@code size} bytes in 1 KiB pieces. */
    public static final class BigPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            ServletOutputStream out = resp.getOutputStream();
            for (byte[] piece : bigPagePieces(Integer.parseInt(req.getParameter("size")))) out.write(piece);
        }
    }

    /** The pieces of {@link BigPage}'s body. */
    public static java.util.List<byte[]> bigPagePieces(int size) {
        byte[] head = page("A very long article", "").replace("</article>", "").getBytes(StandardCharsets.UTF_8);
        java.util.List<byte[]> pieces = new java.util.ArrayList<>();
        pieces.add(head);
        int written = head.length;
        int n = 0;
        while (written < size) {
            byte[] p = ("<p>Paragraph " + (n++) + " " + "x".repeat(1000) + "</p>\n").getBytes(StandardCharsets.UTF_8);
            pieces.add(p);
            written += p.length;
        }
        pieces.add("</article></body></html>\n".getBytes(StandardCharsets.UTF_8));
        return pieces;
    }

    /** Answers every GET with 304 Not Modified. */
    public static final class NotModified extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            resp.setContentType("text/html;charset=UTF-8");
            resp.setHeader("ETag", "\"v1\"");
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        }
    }

    /** Starts a page, then changes its mind: sendError(404). */
    public static final class SendsError extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print("<html><head><title>Half a page</title></head><body>half");
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Starts a page, then redirects. */
    public static final class Redirects extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print("<html><head><title>Moved</title></head><body>moved");
            resp.sendRedirect(req.getContextPath() + "/article.html");
        }
    }

    /** An HTML page that is already gzip-compressed. */
    public static final class Gzipped extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.setHeader("Content-Encoding", "gzip");
            resp.getOutputStream().write(gzip(page("Compressed news", "")));
        }
    }

    /** The gzip bytes {@link Gzipped} sends for {@code text}. */
    public static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** A page that includes a JSP fragment in the middle of its article. */
    public static final class Includes extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            resp.setContentType("text/html;charset=UTF-8");
            String[] halves = page("Page with an include", "").split("</article>");
            PrintWriter w = resp.getWriter();
            w.print(halves[0]);
            w.flush();
            req.getRequestDispatcher("/fragment.jsp").include(req, resp);
            w.print("</article>");
            w.print(halves[1]);
        }
    }

    /** Forwards to the JSP article. */
    public static final class Forwards extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            req.getRequestDispatcher("/article.jsp").forward(req, resp);
        }
    }

    /** Writes the page from another thread, then completes the async cycle. */
    public static final class AsyncPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            async.start(() -> {
                try {
                    ServletResponse r = async.getResponse();
                    r.setContentType("text/html;charset=UTF-8");
                    r.getWriter().print(page("Written asynchronously", ""));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                } finally {
                    async.complete();
                }
            });
        }
    }

    /** Starts a page asynchronously and never completes it: the container's async timeout answers. */
    public static final class AsyncTimesOut extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            AsyncContext async = req.startAsync();
            async.setTimeout(250);
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print("<html><head><title>Never finished</title></head><body>never");
        }
    }

    /** Starts async, then dispatches to the JSP article from another thread. */
    public static final class AsyncDispatch extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
            AsyncContext async = req.startAsync();
            async.start(() -> async.dispatch("/article.jsp"));
        }
    }

    /** Writes part of a page, then fails. */
    public static final class Throws extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print("<html><head><title>Doomed</title></head><body><article><h1>Doomed</h1><p>Started");
            if (req.getParameter("flush") != null) resp.getWriter().flush();
            throw new IllegalStateException("the page's servlet failed on purpose");
        }
    }

    /** Writes the body {@code MALFORMED}: not a page a parser can make sense of. */
    public static final class Malformed extends HttpServlet {
        public static final String BODY = "<html><head><title>Broken <<<</ti<tle><meta content=\"\0\u0001\"><body><<p></article>>"
                + "<scr" + "ipt>if (a < b) { document.write('</he' + 'ad>'); }\u0000</body></x></html><<!-->\ufffe";

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print(BODY);
        }
    }

    /** A page that already has its own Open Graph title and a share bar, as the taglib renders them. */
    public static final class AlreadyTagged extends HttpServlet {
        public static final String HEAD = "<meta property=\"og:title\" content=\"The page's own title\">\n";
        public static final String BAR = "<div class=\"herald-share\" data-herald-buttons><a href=\"https://x.com/intent/tweet\">X</a></div>";

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.getWriter().print(page("Tagged already", HEAD).replace("</h1>", "</h1>\n" + BAR));
        }
    }

    /** Starts an HTML page, resets the response and answers with JSON instead. */
    public static final class ResetsToJson extends HttpServlet {
        public static final String JSON = "{\"reset\":true}";

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.setHeader("X-Before-Reset", "yes");
            resp.getWriter().print("<html><head><title>Thrown away</title>");
            resp.reset();
            resp.setContentType("application/json");
            resp.getOutputStream().write(JSON.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reports whether asking for the writer after the stream fails as a container's response does. */
    public static final class StreamThenWriter extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain;charset=UTF-8");
            ServletOutputStream out = resp.getOutputStream();
            String outcome;
            try {
                resp.getWriter();
                outcome = "getWriter() allowed";
            } catch (IllegalStateException e) {
                outcome = "IllegalStateException";
            }
            out.write(outcome.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Fixes ISO-8859-1 with getWriter(), then tries to change the charset: the bytes and header must agree. */
    public static final class LatinWriter extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=ISO-8859-1");
            PrintWriter w = resp.getWriter();
            resp.setContentType("text/html;charset=UTF-8"); // ignored after getWriter(), as containers do
            resp.setCharacterEncoding("UTF-8");            // ignored too
            w.print(page("Café culture", ""));
        }
    }

    /** Writes a page through non-blocking I/O: passed through as written. */
    public static final class NonBlockingPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/html;charset=UTF-8");
            AsyncContext async = req.startAsync();
            ServletOutputStream out = resp.getOutputStream();
            byte[] body = page("Non-blocking news", "").getBytes(StandardCharsets.UTF_8);
            out.setWriteListener(new jakarta.servlet.WriteListener() {
                private boolean written;

                @Override
                public void onWritePossible() throws IOException {
                    while (out.isReady()) {
                        if (written) {
                            async.complete();
                            return;
                        }
                        out.write(body);
                        written = true;
                    }
                }

                @Override
                public void onError(Throwable t) {
                    async.complete();
                }
            });
        }
    }

    /** A pretty-URL filter ahead of Herald, as URL-rewriting filters do: forwards /pretty/* to the JSP article. */
    public static final class PrettyUrls implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
            req.getRequestDispatcher("/article.jsp").forward(req, resp);
        }
    }

    /** Commits the response before Herald sees it. */
    public static final class CommitsFirst implements Filter {
        @Override
        public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
            resp.setContentType("text/html;charset=UTF-8");
            resp.flushBuffer();
            chain.doFilter(req, resp);
        }
    }
}
