<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" session="false" %><!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Iran says retaliation for US strike is complete, will not seek escalation | The Herald Bench Gazette</title>
<link rel="stylesheet" href="/css/site.css">
<style>body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} body{{font-family:Georgia,serif;margin:0}} .nav a{{color:#333}} </style>
<script>window.dataLayer=window.dataLayer||[];function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}function noop(){}</script>
</head>
<body>
<header class="masthead"><a href="/" class="logo">The Herald Bench Gazette</a>
<nav class="nav"><ul>
<li><a href="/section/world">World</a></li>
<li><a href="/section/politics">Politics</a></li>
<li><a href="/section/business">Business</a></li>
<li><a href="/section/tech">Tech</a></li>
<li><a href="/section/science">Science</a></li>
<li><a href="/section/health">Health</a></li>
<li><a href="/section/sport">Sport</a></li>
<li><a href="/section/culture">Culture</a></li>
<li><a href="/section/opinion">Opinion</a></li>
<li><a href="/section/video">Video</a></li>
<li><a href="/section/world">World</a></li>
<li><a href="/section/politics">Politics</a></li>
<li><a href="/section/business">Business</a></li>
<li><a href="/section/tech">Tech</a></li>
<li><a href="/section/science">Science</a></li>
<li><a href="/section/health">Health</a></li>
<li><a href="/section/sport">Sport</a></li>
<li><a href="/section/culture">Culture</a></li>
<li><a href="/section/opinion">Opinion</a></li>
<li><a href="/section/video">Video</a></li>
<li><a href="/section/world">World</a></li>
<li><a href="/section/politics">Politics</a></li>
<li><a href="/section/business">Business</a></li>
<li><a href="/section/tech">Tech</a></li>
<li><a href="/section/science">Science</a></li>
<li><a href="/section/health">Health</a></li>
<li><a href="/section/sport">Sport</a></li>
<li><a href="/section/culture">Culture</a></li>
<li><a href="/section/opinion">Opinion</a></li>
<li><a href="/section/video">Video</a></li>
</ul></nav></header>
<main>
<article class="story">
<p class="kicker"><a href="/section/world">World</a></p>
<h1>Iran says retaliation for US strike is complete, will not seek escalation</h1>
<p class="byline">By <a rel="author" href="/authors/jane-doe">Jane Doe</a> · <time datetime="2020-01-08T09:15:00Z">8 January 2020</time></p>
<figure><img src="/images/lead.jpg" width="1200" height="675" alt="Missile debris in a field"><figcaption>The aftermath of the strikes.</figcaption></figure>
<p>Iran does not intend to enter into a war with the United States, the regime said late Tuesday after retaliating for the killing of its top general, Qassem Soleimani.</p>
<p>The regime appeared to back down from the brink of major conflict after a series of missile attacks on Iraqi bases housing American troops left no casualties, Newsweek reported. Iran has had its revenge and will not seek “escalation” unless attacked, Iran’s foreign minister Javad Zarif declared.</p>
<p>“Iran took [and] concluded proportionate measures in self-defense under Article 51 of U.N. Charter targeting base from which cowardly armed attack against our citizens [and] senior officials were launched. We do not seek escalation or war, but will defend ourselves against any aggression,” Zarif tweeted.</p>
<h2>Iran retaliates, backs down</h2>
<p>Iran launched 15 missiles at two bases housing American troops in Iraq Tuesday night, just days after a U.S. strike killed its top general and left Iran vowing to retaliate. Ten of the missiles hit Ain al-Asad base, one hit Erbil base, and four failed to strike their targets, the Associated Press reported.</p>
<p>The most direct hostilities between America and Iran since the 1979 Iran hostage crisis raised fears of a deadly war breaking out, but Iranian officials made it clear that they saw the strikes as their revenge and would not seek continued escalation. Amid early reports of no U.S. casualties, Trump tweeted words of reassurance after meeting with national security staff at the White House and said he would make a statement Wednesday morning.</p>
<p>The Trump administration has attributed hundreds of American deaths to Soleimani and claimed that he was planning more attacks, but critics of the Soleimani strike have said that Trump needlessly risked starting a deadly war with Iran without authorization from Congress. While it remains unclear whether or how Trump will respond to Tuesday’s attack, it appears for now that the worst has been averted.</p>
<h2>Ayatollah demands U.S. leave region</h2>
<p>The relatively harmless response from Iran left many saying that Trump should take the opportunity to claim victory and take troops out of Iraq, which has been caught in the middle of escalating tensions. Soleimani’s killing came after an attack on America’s embassy in Baghdad by Iranian-backed proxies, as well as a pair of mutual airstrikes that killed a U.S. contractor and 25 Iranian-backed militiamen.</p>
<p>Many called Tuesday night’s strikes a face-saving maneuver from a regime that is loathe to fight a war with the most powerful military in the world. But Iran’s Supreme Leader Ayatollah Ali Khamenei said that the strike was a “slap on the face” and that Iran wants America to pull out of the region entirely, Reuters reported. He went on:</p>
<p>Military action like this is not sufficient. What is important is ending the corrupting presence of America in the region. This region will not accept the presence of America.</p>
<p>Iran is not alone there: Iraq’s parliament voted for America to leave its soil Sunday after the attack on Soleimani, which the nation said was a violation of its sovereignty, according to Fox News. Trump, despite campaigning to end foreign entanglements, has refused the demand and threatened to impose sanctions on the country, USA Today reported.</p>
<h2>Uncertainty remains</h2>
<p>Iran’s attack marked the culmination of a series of tit-for-tat escalations between Washington and Tehran after Trump withdrew from the Iran nuclear deal in 2018. A deterioration in relations climaxed with the drone attack that killed Soleimani last week, and on Sunday Iran said that it would abandon its remaining commitments under the 2015 agreement which sought to limit its nuclear program in exchange for relief from economic sanctions.</p>
<p>America and Iran traded threats for days as hundreds of thousands of Iranians poured into the streets to mourn the slain general, who led Iran’s foreign operations throughout the Middle East as leader of the elite Quds Force. It’s unclear what Iran’s proxies might do going forward, and the regime said that it could not claim any responsibility for possible attacks from Iraqi paramilitaries or terror groups like Hezbollah.</p>
<p>In a speech Wednesday morning, President Trump said that Iran “appears to be standing down” and signaled that he wants to de-escalate the conflict, although he said that America will introduce new economic sanctions against the regime. He also called on America’s allies to join the United States in withdrawing from the Iran deal and seek a new plan for peace.</p>
<h2>Share on facebook</h2>
<h2>Share To Facebook</h2>
<h2>Welcome to our comments section. We want to hear from you!</h2>
<p>Any comments with profanity, advocacy of violence, harassment, personally identifiable information or other violations will be removed. If you feel your comment has been removed in error please contact us!</p>
<h2>Latest Posts</h2>
</article>
<aside class="related"><h2>Related</h2><ul>
<li><a href="/news/2020/01/story-0.html">Related story number 0 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-1.html">Related story number 1 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-2.html">Related story number 2 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-3.html">Related story number 3 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-4.html">Related story number 4 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-5.html">Related story number 5 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-6.html">Related story number 6 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-7.html">Related story number 7 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-8.html">Related story number 8 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-9.html">Related story number 9 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-10.html">Related story number 10 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-11.html">Related story number 11 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-12.html">Related story number 12 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-13.html">Related story number 13 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-14.html">Related story number 14 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-15.html">Related story number 15 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-16.html">Related story number 16 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-17.html">Related story number 17 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-18.html">Related story number 18 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-19.html">Related story number 19 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-20.html">Related story number 20 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-21.html">Related story number 21 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-22.html">Related story number 22 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-23.html">Related story number 23 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-24.html">Related story number 24 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-25.html">Related story number 25 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-26.html">Related story number 26 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-27.html">Related story number 27 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-28.html">Related story number 28 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-29.html">Related story number 29 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-30.html">Related story number 30 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-31.html">Related story number 31 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-32.html">Related story number 32 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-33.html">Related story number 33 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-34.html">Related story number 34 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-35.html">Related story number 35 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-36.html">Related story number 36 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-37.html">Related story number 37 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-38.html">Related story number 38 about the region and its politics</a></li>
<li><a href="/news/2020/01/story-39.html">Related story number 39 about the region and its politics</a></li>
</ul></aside>
</main>
<footer><p>© The Herald Bench Gazette, served <%= java.time.LocalDate.now().getYear() > 0 ? "by a JSP" : "" %> for <%= request.getRequestURI() %></p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p><p>Footer links and legal text for the benchmark page.</p></footer>
</body>
</html>
