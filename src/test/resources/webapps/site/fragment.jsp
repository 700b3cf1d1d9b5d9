<%@ page contentType="text/html;charset=UTF-8" %><aside class="included-fragment">Included fragment for <%= request.getAttribute("jakarta.servlet.include.request_uri") %></aside>
