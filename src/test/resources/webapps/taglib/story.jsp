<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="herald" uri="https://herald.dev/tags" %>
<%
  // The headline comes from "the CMS": here a request parameter, so tests can send hostile ones.
  String t = request.getParameter("t");
  request.setAttribute("headline", t != null ? t : "Tide tables rewritten after harbour survey");
  request.setAttribute("tags", java.util.List.of("sea", "maps"));
%>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tide tables | The Harbour Post</title>
<herald:meta title="${headline}" description="Surveyors found the channel two metres shallower than charted."
    image="/img/tide.jpg" imageAlt="A survey boat at low tide" imageWidth="${1200}" imageHeight="${630}"
    author="Ana Ruiz, Ben Ode" published="2024-03-01T08:00:00Z" section="Science" tags="${tags}"/>
</head>
<body>
<article>
<h1>Tide tables rewritten after harbour survey</h1>
<herald:buttons networks="facebook, x, mastodon" layout="icons" label="Share this story"/>
<p>Surveyors found the channel two metres shallower than charted, and the harbour master has rewritten the tables.</p>
<a id="custom-x" href="<herald:shareUrl network='x'/>">Post on X</a>
<herald:shareUrl network="pinterest" var="pin"/>
<span id="pin">${pin}</span>
</article>
</body>
</html>
