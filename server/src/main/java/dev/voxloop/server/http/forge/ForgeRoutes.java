package dev.voxloop.server.http.forge;

import dev.voxloop.core.forge.Check;
import dev.voxloop.core.forge.ForgeRepository;
import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.core.forge.MergeMethod;
import dev.voxloop.core.forge.MergeOutcome;
import dev.voxloop.core.forge.MergeRequest;
import dev.voxloop.core.forge.PullRequest;
import dev.voxloop.core.forge.PullRequestState;
import dev.voxloop.core.input.TextField;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.server.json.JsonBody;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.voxloop.server.json.WireShapes.obj;

/**
 * Repositories and pull requests for the console and for people:
 * <pre>
 *   GET  /api/repos                          POST /api/repos/import {source, name?}
 *   GET  /api/repos/{name}/pulls[?state=]    GET  /api/repos/{name}/pulls/{n}   (with commits, files, checks,
 *                                                                                   reviews, comments, timeline)
 *   GET  /api/repos/{name}/checks/{id}       (the check with its log so far)
 *   POST /api/repos/{name}/checks/{id}/rerun POST /api/repos/{name}/pulls/{n}/merge {method?, expected_head?}
 *   POST /api/repos/{name}/pulls/{n}/close   POST /api/repos/{name}/pulls/{n}/comments {body}
 * </pre>
 */
public final class ForgeRoutes {

    private final ForgeParts parts;
    private final JsonBody body;

    public ForgeRoutes(ForgeParts parts, JsonBody body) {
        this.parts = parts;
        this.body = body;
    }

    static final TextField SOURCE = TextField.line("source", 4096);
    static final TextField EXPECTED_HEAD = TextField.line("expected_head", 64);
    static final TextField COMMENT = TextField.lines("body", 65_536);

    record ImportRequest(String source, String name) {
    }

    record MergeBody(String method, String expectedHead) {
    }

    record CommentBody(String body) {
    }

    public void register(JavalinDefaultRoutingApi routes) {
        routes.get("/api/repos", this::repositories);
        routes.post("/api/repos/import", this::importRepository);
        routes.get("/api/repos/{name}/pulls", this::pulls);
        routes.get("/api/repos/{name}/pulls/{n}", this::pull);
        routes.get("/api/repos/{name}/checks/{id}", this::check);
        routes.post("/api/repos/{name}/checks/{id}/rerun", this::rerun);
        routes.post("/api/repos/{name}/pulls/{n}/merge", this::merge);
        routes.post("/api/repos/{name}/pulls/{n}/close", this::close);
        routes.post("/api/repos/{name}/pulls/{n}/comments", this::comment);
    }

    private void repositories(Context ctx) {
        List<HostedRepository> hosted = parts.hosting() == null ? List.of() : parts.hosting().repositories();
        ctx.json(obj("repositories", hosted.stream().map(r -> repository(r)).toList()));
    }

    private Map<String, Object> repository(HostedRepository r) {
        ForgeRepository f = parts.forge().repository(r.name());
        return obj("name", r.name(), "default_branch", r.defaultBranch(), "clone_url", f.cloneUrl(), "web_url",
                f.webUrl(), "source", r.source(), "created_at", r.createdAt());
    }

    private void importRepository(Context ctx) {
        if (parts.hosting() == null) {
            throw Problem.notFound("this forge does not host repositories");
        }
        ImportRequest req = body.read(ctx, ImportRequest.class);
        HostedRepository r = parts.hosting().importRepository(SOURCE.require(req.source()), req.name());
        ctx.status(201).json(repository(r));
    }

    private void pulls(Context ctx) {
        String state = ctx.queryParam("state");
        PullRequestState s = state == null || state.equalsIgnoreCase("all") ? null : parseState(state);
        ctx.json(obj("pull_requests", parts.forge().pullRequests(ctx.pathParam("name"), s, 100)));
    }

    private void pull(Context ctx) {
        String repo = ctx.pathParam("name");
        int n = number(ctx);
        PullRequest p = parts.forge().pullRequest(repo, n);
        Map<String, Object> out = obj("pull_request", p, "commits", parts.forge().commits(repo, n), "files",
                parts.forge().files(repo, n), "checks", parts.forge().checks(repo, p.headSha()), "reviews",
                parts.forge().reviews(repo, n), "comments", parts.forge().comments(repo, n), "timeline",
                parts.store() == null ? List.of() : parts.store().timeline(repo, n));
        ctx.json(out);
    }

    private void check(Context ctx) {
        String repo = ctx.pathParam("name");
        String id = ctx.pathParam("id");
        String log = parts.forge().checkLog(repo, id);
        Check c = parts.store() == null ? null : parts.store().check(repo, id).orElse(null);
        ctx.json(obj("check", c, "log", log));
    }

    private void rerun(Context ctx) {
        try {
            parts.forge().rerun(ctx.pathParam("name"), ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw Problem.conflict(e.getMessage());
        }
        ctx.status(202).json(obj("status", "queued"));
    }

    private void merge(Context ctx) {
        String repo = ctx.pathParam("name");
        int n = number(ctx);
        MergeBody req = ctx.req().getContentLengthLong() == 0 ? new MergeBody(null, null)
                : body.read(ctx, MergeBody.class);
        MergeMethod method;
        try {
            method = req.method() == null ? MergeMethod.SQUASH : MergeMethod.parse(req.method());
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("method", e.getMessage());
        }
        String expected = EXPECTED_HEAD.optional(req.expectedHead());
        String head = expected != null ? expected : parts.forge().pullRequest(repo, n).headSha();
        MergeOutcome o = parts.forge().merge(repo, n, new MergeRequest(head, method, null, null));
        switch (o) {
            case MergeOutcome.Merged m -> ctx.json(obj("status", "merged", "merge_commit", m.commit(),
                    "already_merged", m.alreadyMerged()));
            case MergeOutcome.HeadMoved h -> throw Problem.conflict("the head moved to " + h.actualHead()
                    + "; its checks must pass first");
            case MergeOutcome.NotMergeable x -> throw Problem.conflict("not mergeable ("
                    + x.mergeability().name().toLowerCase(Locale.ROOT) + "): " + x.reason());
        }
    }

    private void close(Context ctx) {
        ctx.json(obj("pull_request", parts.forge().close(ctx.pathParam("name"), number(ctx))));
    }

    private void comment(Context ctx) {
        CommentBody req = body.read(ctx, CommentBody.class);
        if (req.body() == null || TextField.stripInvisible(req.body()).isEmpty()) {
            throw Problem.invalid("body", "a comment needs a body");
        }
        ctx.status(201).json(parts.forge().comment(ctx.pathParam("name"), number(ctx), COMMENT.require(req.body())));
    }

    private static int number(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("n"));
        } catch (NumberFormatException e) {
            throw Problem.notFound("no pull request " + ctx.pathParam("n"));
        }
    }

    private static PullRequestState parseState(String s) {
        try {
            return PullRequestState.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("state", "state is open, closed, merged or all");
        }
    }
}
