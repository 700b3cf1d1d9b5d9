<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ taglib prefix="herald" uri="https://herald.dev/tags" %>
<%
  // A CMS would supply these values; the page hands them to Herald through the taglib.
  request.setAttribute("headline", "Analysis: three questions that will decide whether the calm holds");
  request.setAttribute("summary", "Washington and Tehran both say they want no war. What Iran’s allied militias do, how Baghdad answers and whether sanctions keep replacing force will decide whether they mean it.");
  request.setAttribute("topics", java.util.List.of("Iran", "Iraq", "Sanctions"));
%>
<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${headline} | The Meridian Ledger</title>
<link rel="stylesheet" href="../css/site.css">
<link rel="icon" href="../favicon.ico" sizes="32x32">
<link rel="apple-touch-icon" href="../img/apple-touch-icon.png">
<herald:meta title="${headline}" description="${summary}"
    image="/img/iran-bases-dusk.jpg" imageWidth="1200" imageHeight="675"
    imageAlt="Silhouettes of hangars, a control tower and radio masts on a desert horizon at dusk."
    author="Julian Okafor" published="2020-01-08T20:30:00-05:00" section="Analysis" tags="${topics}"/>
</head>
<body>
<a class="skip-link" href="#main">Skip to the content</a>
<header class="masthead">
  <div class="topbar">
    <div class="wrap"><span>Wednesday, January 8, 2020</span> <span class="topbar__edition">International edition &middot; <a href="../about.html">A demo site for Herald</a></span></div>
  </div>
  <div class="wrap masthead__inner">
    <a class="brand" href="../index.html"><img src="../img/ledger-mark.png" width="40" height="40" alt=""> <span class="brand__name">The Meridian Ledger</span></a>
    <p class="masthead__tagline">World news, explained</p>
  </div>
  <nav class="sitenav" aria-label="Sections">
    <div class="wrap">
      <ul>
        <li><a href="../index.html">Front page</a></li>
        <li><a href="../sections/world.html">World</a></li>
        <li><a href="../analysis/after-the-strikes.jsp" aria-current="page">Analysis</a></li>
        <li><a href="../topics.html">Topics</a></li>
        <li><a href="../archive/index.html">Archive</a></li>
        <li><a href="../about.html">About this demo</a></li>
        <li><a href="../sandbox/">Syndication sandbox</a></li>
      </ul>
    </div>
  </nav>
</header>
<main id="main" class="wrap story-page">
  <article class="story">
    <header class="story__header">
      <p class="kicker"><a rel="category" href="../sections/world.html">World</a><span class="kicker__sep">/</span><span>Analysis</span></p>
      <h1 class="story__headline">${headline}</h1>
      <p class="standfirst">${summary}</p>
      <p class="byline">By <a rel="author" href="../authors/julian-okafor.html">Julian Okafor</a> <span class="byline__role">Diplomatic editor</span></p>
      <p class="story__dates"><time class="published" datetime="2020-01-08T20:30:00-05:00">January 8, 2020, 8:30 p.m. EST</time></p>
      <herald:buttons layout="icons" label="Share this analysis"/>
    </header>

    <div class="story__body article-body">
      <p>Within a day of Iran&rsquo;s missile strikes on two bases in Iraq, both governments had said what they wanted the world to hear: Tehran that its response was complete, Washington that Iran &ldquo;appears to be standing down.&rdquo; Whether that holds depends less on those statements than on three things neither capital fully controls.</p>

      <h2>Will the militias stand down?</h2>
      <p>Iran&rsquo;s government has said it cannot answer for attacks by paramilitary groups in Iraq or by Hezbollah. The groups it has armed and funded for years have their own grievances, and their own dead to avenge from the American airstrikes of late December. One rocket that kills an American could undo the week&rsquo;s restraint.</p>

      <h2>What will Baghdad do?</h2>
      <p>Iraq&rsquo;s parliament has voted for American troops to leave. The White House has refused and threatened sanctions, which leaves Iraq&rsquo;s caretaker government caught between its two most important partners, and its territory still the likeliest battlefield.</p>

      <h2>Do sanctions keep replacing force?</h2>
      <p>The president answered the missiles with new economic penalties, not a military strike. Whether that remains the pattern, and whether Europe follows Washington out of the 2015 nuclear agreement as he asked, will shape the coming months.</p>

      <aside class="note" aria-labelledby="built-title">
        <h2 id="built-title">How this page is built</h2>
        <p>This page is a JSP. Its preview metadata comes from the application through <code>&lt;herald:meta&gt;</code>, and the compact icon bar under the byline is placed with <code>&lt;herald:buttons&gt;</code>. Herald&rsquo;s filter sees both and adds nothing twice.</p>
      </aside>
    </div>
  </article>

  <div class="after-story">
    <section class="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">Comments <span class="comments__count">(0)</span></h2>
      <p class="comments__closed">Comments are closed on this demonstration site.</p>
    </section>
    <aside class="latest" aria-labelledby="latest-title">
      <h2 id="latest-title">Latest from the Ledger</h2>
      <ul class="list">
        <li><a href="../articles/iran-retaliation.html">Iran calls its missile strikes on U.S. bases in Iraq the end of its retaliation</a><p class="meta-line">World &middot; January 8, 2020</p></li>
        <li><a href="../articles/nuclear-deal-explainer.html">What the 2015 nuclear deal did, and how it came apart</a><p class="meta-line">Explainer &middot; January 8, 2020</p></li>
      </ul>
    </aside>
  </div>
</main>
<footer class="site-footer">
  <div class="wrap">
    <div>
      <p class="site-footer__brand"><img src="../img/ledger-mark.png" width="30" height="30" alt=""> The Meridian Ledger</p>
      <p>The Meridian Ledger is a fictional newspaper: the demonstration site of Herald, an open-source Java library that turns article pages into rich link previews and adds share buttons.</p>
    </div>
    <div>
      <h2>Sections</h2>
      <ul>
        <li><a href="../index.html">Front page</a></li>
        <li><a href="../sections/world.html">World</a></li>
        <li><a href="../analysis/after-the-strikes.jsp">Analysis</a></li>
        <li><a href="../topics.html">Topics</a></li>
        <li><a href="../archive/index.html">Archive</a></li>
      </ul>
    </div>
    <div>
      <h2>The Ledger</h2>
      <ul>
        <li><a href="../about.html">About this demo</a></li>
        <li><a href="../sandbox/">Syndication sandbox</a></li>
        <li><a href="../authors/miriam-holt.html">Miriam Holt</a></li>
        <li><a href="../authors/julian-okafor.html">Julian Okafor</a></li>
        <li><a href="../authors/renee-castell.html">Ren&eacute;e Castell</a></li>
      </ul>
    </div>
  </div>
  <div class="site-footer__legal">
    <div class="wrap">&copy; 2020 The Meridian Ledger, a fictional publication. Reporting is summarised from public news reports; the reporters are invented and the illustrations are drawn by a program.</div>
  </div>
</footer>
</body>
</html>
