package dev.voxloop.intent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.voxloop.core.problem.Problem;
import dev.voxloop.core.ticket.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a projects file shaped like {@code shared/testdata/intent/projects.json}: an array of
 * {@code {"key", "name", "description", "components"?}}.
 */
public final class ProjectsFile {

    private ProjectsFile() {
    }

    public static List<Project> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw Problem.invalid("projects", "cannot read projects file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw Problem.invalid("projects", file + ": expected a JSON array of projects");
        }
        List<Project> out = new ArrayList<>();
        for (JsonNode n : root) {
            String key = n.path("key").asText("").strip();
            if (key.isEmpty()) {
                throw Problem.invalid("projects", file + ": every project needs a \"key\"");
            }
            List<String> components = new ArrayList<>();
            n.path("components").forEach(c -> components.add(c.asText()));
            out.add(new Project(key, n.path("name").asText(key), n.path("description").asText(""), components));
        }
        return List.copyOf(out);
    }
}
