<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %><!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rail strike called off at the last minute – The Daily Tester</title>
</head>
<body>
<article>
<h1>Rail strike called off at the last minute</h1>
<p class="byline">By Grace Hopper</p>
<p>A national rail strike planned for Monday was called off late on Sunday after unions and operators agreed on a new pay offer, ending weeks of uncertainty for commuters across the country.</p>
<p>Rendered by <%= application.getServerInfo().isEmpty() ? "nobody" : "a JSP" %> for <%= request.getRequestURI() %>.</p>
</article>
</body>
</html>
