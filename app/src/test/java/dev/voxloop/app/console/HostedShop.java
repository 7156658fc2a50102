package dev.voxloop.app.console;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.voxloop.forge.builtin.BuiltinForge;
import dev.voxloop.loop.workspace.Git;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The repository "shop" hosted on the built-in forge of a console server, for the browser tests of the pull
 * request page: a working copy to commit and push from, and the page of one of its pull requests opened signed in.
 */
final class HostedShop {

    private final ConsoleServer server;
    private final Path src;

    private HostedShop(ConsoleServer server, Path src) {
        this.server = server;
        this.src = src;
    }

    /** The in-process server (the test is skipped without Chromium, or when the server runs elsewhere). */
    static ConsoleServer startServer(Path dir) {
        assumeTrue(ConsoleBrowser.available(), "chromium and chromedriver are not installed");
        ConsoleServer server = ConsoleServer.start(dir);
        assumeTrue(server.app() != null, "needs the in-process server to host a repository");
        return server;
    }

    /** A working copy at {@code src} with {@code files} committed on main, imported into the forge as "shop". */
    static HostedShop host(ConsoleServer server, Path src, Map<String, String> files) {
        HostedShop shop = new HostedShop(server, src);
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.createDirectories(src.resolve(f.getKey()).getParent());
                Files.writeString(src.resolve(f.getKey()), f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        shop.git("init", "-q", "-b", "main");
        shop.git("add", "-A");
        shop.git("commit", "-q", "-m", "initial");
        shop.forge().importRepository(src.toString(), "shop");
        return shop;
    }

    BuiltinForge forge() {
        return server.app().forges().forge();
    }

    Path src() {
        return src;
    }

    /** The hosted bare repository, to push to. */
    String bare() {
        return forge().bareRepositories().path("shop").toString();
    }

    /** git in the working copy, as a test author. */
    void git(String... args) {
        List<String> argv = new ArrayList<>(List.of("-c", "user.name=T", "-c", "user.email=t@example.com"));
        argv.addAll(List.of(args));
        new Git(src).run(argv.toArray(String[]::new));
    }

    /** Signs in with the server's token and opens the page of pull request {@code number}. */
    void openPullRequest(ConsoleBrowser browser, int number) {
        browser.open(server.url() + "/");
        browser.script("localStorage.clear(); localStorage.setItem('voxloop.token', arguments[0]);", server.token());
        browser.reload();
        browser.script("window.location.hash = arguments[0];", "#/repos/shop/pulls/" + number);
    }
}
