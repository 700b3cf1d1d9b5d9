<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="herald" uri="https://herald.dev/tags" %>
<%
  // A CMS would supply these; the page hands them to Herald through the taglib.
  request.setAttribute("headline", "Analysis: three questions after Iran’s strikes on US bases");
  request.setAttribute("summary", "Both governments say they want no war. What Tehran’s proxies do next, how Baghdad answers, and whether sanctions replace force will decide if that holds.");
  request.setAttribute("topics", java.util.List.of("Iran", "Iraq", "Sanctions"));
%>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${headline} | The Meridian Ledger</title>
<herald:meta title="${headline}" description="${summary}"
    image="/img/air-base-at-dusk.jpg" imageAlt="Silhouettes of aircraft shelters on a desert air base at dusk"
    author="Lena Haddad" published="2020-01-09T12:00:00-05:00" section="Analysis" tags="${topics}"/>
<link rel="stylesheet" href="/css/site.css">
<link rel="icon" href="/img/favicon.png" type="image/png">
</head>
<body>
<header class="masthead">
  <div class="masthead__inner">
    <a class="brand" href="/"><img src="/img/logo.png" alt="" width="40" height="40"><span>The Meridian Ledger</span></a>
    <nav class="sections" aria-label="Sections">
      <a href="/">Front page</a>
      <a href="/articles/iran-retaliation.html">World</a>
      <a href="/articles/nuclear-deal-explainer.html">Explainers</a>
      <a href="/analysis/after-the-strikes.jsp" aria-current="page">Analysis</a>
      <a href="/archive/2019-briefing.html">Archive</a>
    </nav>
  </div>
</header>
<main class="page">
  <article class="story">
    <p class="story__kicker">Analysis</p>
    <h1 class="story__headline">${headline}</h1>
    <p class="story__dek">${summary}</p>
    <div class="story__byline">By <a rel="author" href="/authors/lena-haddad.html">Lena Haddad</a> · <time datetime="2020-01-09T12:00:00-05:00">January 9, 2020</time></div>
    <herald:buttons layout="icons" label="Share this analysis"/>
    <div class="story__body">
      <p>This page is a JSP. Its metadata comes from the application through <code>&lt;herald:meta&gt;</code>, and the compact icon bar above was placed with <code>&lt;herald:buttons&gt;</code>; the filter sees both and adds nothing twice.</p>
      <h2>Will the proxies stand down?</h2>
      <p>Tehran has said it cannot answer for militias in Iraq or for Hezbollah. Their choices, more than any government statement, will show whether the exchange is over.</p>
      <h2>What will Baghdad do?</h2>
      <p>Iraq’s parliament has voted for US troops to leave. The White House has refused and threatened sanctions, leaving Iraq’s government caught between its two most important partners.</p>
      <h2>Do sanctions replace force?</h2>
      <p>The president chose new economic penalties over a military reply. Whether that remains the pattern, and whether Europe follows Washington out of the 2015 agreement, is the open question of the coming months.</p>
    </div>
  </article>
  <aside class="rail" aria-labelledby="more-heading">
    <h2 id="more-heading" class="rail__heading">More from the Ledger</h2>
    <ul class="rail__list">
      <li><a href="/articles/iran-retaliation.html">Iran calls its missile strikes on US bases a finished reply and signals no wish for war</a></li>
      <li><a href="/articles/nuclear-deal-explainer.html">Explainer: what the 2015 nuclear agreement promised, and how it came apart</a></li>
    </ul>
  </aside>
</main>
<footer class="site-footer">
  <p>The Meridian Ledger is a demonstration site for Herald. Its stories retell public reporting in our own words; its illustrations are generated.</p>
</footer>
</body>
</html>
