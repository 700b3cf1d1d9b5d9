package dev.herald.cli;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Post;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code herald preview}: each account's post text and its length by that network's rules; sends nothing. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Print the text each account would post and its length against the network's limit; sends nothing.")
public final class PreviewCommand implements Callable<Integer> {
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
            ArticleMeta article = input.resolve(config, http);
            SyndicatorFactory factory = new SyndicatorFactory(http, Clock.systemUTC(), SecretSource.placeholders());
            for (String name : targets) {
                Previews.print(out, factory.create(config, config.account(name)).preview(Post.of(article, name, "")), false);
            }
        }
        return 0;
    }
}
