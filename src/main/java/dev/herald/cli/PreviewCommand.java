package dev.herald.cli;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageSize;
import dev.herald.meta.lint.LintFinding;
import dev.herald.meta.lint.MetaLint;
import dev.herald.meta.lint.PageFacts;
import dev.herald.page.HeraldConfig;
import dev.herald.syndication.ArticlePages;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code herald preview}: each account's post text and its length by that network's rules, then the
 * metadata lint (the same findings the console shows); sends nothing.
 */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Print the text each account would post and its length against the network's limit,",
                "then what in the page's metadata will hurt its cards (one line each, with the networks); sends nothing."})
public final class PreviewCommand implements Callable<Integer> {
    /** Facebook ignores larger images; reading the header of a bigger one is not worth the wait. */

    @Spec
    CommandSpec spec;

    @Mixin
    ArticleInput input = new ArticleInput();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SyndicationConfig config = input.configuration();
        List<String> targets = input.targets(config);
        try (HttpTransport http = HttpTransport.builder().fetchPolicy(config.fetchPolicy()).build()) {
            ArticleInput.Page page = input.page(config, http);
            ArticleMeta article = page.meta();
            SyndicatorFactory factory = new SyndicatorFactory(http, Clock.systemUTC(), SecretSource.placeholders());
            List<LintFinding> findings = new ArrayList<>();
            for (String name : targets) {
                Preview preview = factory.create(config, config.account(name)).preview(Post.of(article, name, ""));
                Previews.print(out, preview, false);
                findings.addAll(preview.lint());
            }
            PageFacts facts = PageFacts.UNKNOWN;
            // A page read from a file may not be live yet, so neither it nor its image is asked.
            if (page.status() != null) {
                ImageSize measured = article.image() == null ? null
                        : new ArticlePages(HeraldConfig.fromProperties(config.siteProperties()), http).imageSize(article.image().url()).orElse(null);
                facts = facts.withStatus(page.status()).withImageSize(measured);
            }
            List<LintFinding> all = new ArrayList<>(MetaLint.check(article, facts));
            all.addAll(findings);
            all.sort(Comparator.comparing(LintFinding::severity));
            printLint(out, all);
        }
        return 0;
    }

    private static void printLint(PrintWriter out, List<LintFinding> findings) {
        if (findings.isEmpty()) {
            out.println("== lint: nothing to fix");
        } else {
            out.println("== lint: " + findings.size() + (findings.size() == 1 ? " finding" : " findings"));
            for (LintFinding f : findings) out.println(f.toLine());
        }
        out.flush();
    }
}
