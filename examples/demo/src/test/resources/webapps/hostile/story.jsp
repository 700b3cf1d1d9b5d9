<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="herald" uri="https://herald.dev/tags" %>
<%
  // Every value comes from the request, as a CMS field would: the test sends hostile ones.
  for (String name : new String[] {"title", "description", "image", "author", "section", "url", "alt", "label"}) {
    request.setAttribute(name, request.getParameter(name));
  }
%>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Taglib story</title>
<herald:meta title="${title}" description="${description}" image="${image}" imageAlt="${alt}" author="${author}"
    section="${section}" url="${url}" type="article" published="2024-03-01T08:00:00Z"/>
</head>
<body>
<article>
<h1>A story written through the taglib</h1>
<herald:buttons label="${label}"/>
<a id="custom" href="<herald:shareUrl network='x'/>">Post on X</a>
<a id="mastodon" href="<herald:shareUrl network='mastodon'/>">Toot</a>
</article>
</body>
</html>
