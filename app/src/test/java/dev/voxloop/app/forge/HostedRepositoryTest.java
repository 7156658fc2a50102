package dev.voxloop.app.forge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.app.AppConfig;
import dev.voxloop.app.Voxloop;
import dev.voxloop.core.config.ConfigTree;
import dev.voxloop.core.forge.PullRequestDraft;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in forge inside the composed server: a repository imported over the API is cloned, fetched and pushed
 * with stock git over smart HTTP; a push needs the API token; the default branch refuses pushes; a pull request is
 * readable over the API with its files and checks (run in the default bubblewrap sandbox, where voxloop's data
 * is out of sight), and a person merges it.
 */
class HostedRepositoryTest {

    private static final String TOKEN = "s3cret-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void cloneAndPushOverHttpWithTheTokenAndTheDefaultBranchRefusesPushes() throws Exception {
        Path src = tmp.resolve("shop");
        Files.createDirectories(src);
        git(src, "init", "-q", "-b", "main");
        Files.writeString(src.resolve("README.md"), "shop\n");
        Files.createDirectories(src.resolve(".voxloop"));
        Files.writeString(src.resolve(".voxloop/ci.yaml"), "checks:\n  - name: where\n    run: hostname && test ! -e '"
                + tmp.resolve("data/repos") + "' && echo 'hosted repositories out of sight'\n");
        git(src, "add", "-A");
        git(src, "commit", "-q", "-m", "initial");

        Voxloop app = Voxloop.open(new AppConfig(new ConfigTree(Map.of("speech", Map.of("engine", "none"),
                "server", Map.of("api_token", TOKEN))), tmp.resolve("data"), null, List.of()));
        Voxloop.Running running = app.serve("127.0.0.1", 0, 0);
        try {
            String base = running.url();
            assertThat(post(base, "/api/repos/import", "{\"source\":\"" + src + "\"}", null).statusCode())
                    .isEqualTo(401);
            HttpResponse<String> imported = post(base, "/api/repos/import", "{\"source\":\"" + src + "\"}", TOKEN);
            assertThat(imported.statusCode()).isEqualTo(201);
            JsonNode repo = JSON.readTree(imported.body());
            String url = base + "/git/shop.git";
            assertThat(repo.path("clone_url").asText()).isEqualTo(url);
            assertThat(post(base, "/api/repos/import", "{\"source\":\"" + src + "\"}", TOKEN).statusCode())
                    .isEqualTo(409);

            Path work = tmp.resolve("work");
            git(tmp, "clone", "-q", url, work.toString());
            assertThat(Files.readString(work.resolve("README.md"))).isEqualTo("shop\n");

            git(work, "checkout", "-q", "-b", "feature/SHOP-1-add-cart");
            Files.writeString(work.resolve("cart.txt"), "cart\n");
            git(work, "add", "-A");
            git(work, "commit", "-q", "-m", "SHOP-1: add a cart");
            Result anonymous = tryGit(work, "push", "-q", "origin", "feature/SHOP-1-add-cart");
            assertThat(anonymous.code()).isNotZero();
            assertThat(anonymous.output()).as("git was challenged for credentials").contains("could not read Username");
            assertThat(git(work, "ls-remote", "--heads", "origin")).doesNotContain("SHOP-1");

            String withToken = url.replace("http://", "http://voxloop:" + TOKEN + "@");
            assertThat(tryGit(work, "push", "-q", withToken, "feature/SHOP-1-add-cart").code()).isZero();

            Files.writeString(work.resolve("README.md"), "sneaky\n");
            git(work, "commit", "-q", "-am", "SHOP-2: straight to main");
            Result toMain = tryGit(work, "push", withToken, "HEAD:main");
            assertThat(toMain.code()).isNotZero();
            assertThat(toMain.output()).contains("accepts changes only through a pull request");
            assertThat(tryGit(tmp, "clone", "-q", base + "/git/nope.git", tmp.resolve("nope").toString()).code())
                    .isNotZero();

            var pr = app.forges().forge().open("shop", new PullRequestDraft("SHOP-1: Add a cart", "body",
                    "feature/SHOP-1-add-cart", "main"));
            JsonNode detail = waitForChecks(base, pr.number());
            assertThat(detail.path("files").get(0).path("path").asText()).isEqualTo("cart.txt");
            JsonNode where = null;
            for (JsonNode c : detail.path("checks")) {
                where = c.path("name").asText().equals("where") ? c : where;
            }
            assertThat(where).as(detail.path("checks").toString()).isNotNull();
            assertThat(where.path("conclusion").asText()).as(where.toString()).isEqualTo("SUCCESS");
            String log = JSON.readTree(get(base, "/api/repos/shop/checks/" + where.path("id").asText()).body())
                    .path("log").asText();
            assertThat(log).as("the check ran in the bubblewrap sandbox").contains("voxloop-sandbox")
                    .contains("hosted repositories out of sight");
            assertThat(detail.path("timeline").get(0).path("kind").asText()).isEqualTo("opened");
            assertThat(post(base, "/api/repos/shop/pulls/1/merge", "", null).statusCode()).isEqualTo(401);
            HttpResponse<String> merged = post(base, "/api/repos/shop/pulls/1/merge", "{\"method\":\"squash\"}",
                    TOKEN);
            assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
            git(work, "fetch", "-q", "origin");
            assertThat(git(work, "log", "--format=%s", "origin/main")).startsWith("SHOP-1: Add a cart (#1)");
            assertThat(get(base, "/api/repos").body()).contains("\"name\":\"shop\"");
        } finally {
            running.stop();
            app.close();
        }
    }

    private static JsonNode waitForChecks(String base, int number) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode d = JSON.readTree(get(base, "/api/repos/shop/pulls/" + number).body());
            JsonNode checks = d.path("checks");
            if (checks.size() > 0 && checks.findValues("status").stream().allMatch(s -> s.asText()
                    .equals("COMPLETED"))) {
                return d;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("checks did not finish: " + d);
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> post(String base, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("content-type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String base, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    record Result(int code, String output) {
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        Result r = tryGit(dir, args);
        if (r.code() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + ": " + r.output());
        }
        return r.output();
    }

    static Result tryGit(Path dir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=T", "-c", "user.email=t@example.com",
                "-c", "credential.helper="));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        pb.environment().put("GIT_ASKPASS", "/bin/false");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        return new Result(p.waitFor(), out);
    }
}
