package dev.voxloop.app.cli;

import dev.voxloop.app.init.ForgeImport;
import dev.voxloop.core.forge.HostedRepository;
import dev.voxloop.forge.builtin.BuiltinForge;
import dev.voxloop.forge.hosting.BareRepositories;
import java.util.Locale;
import java.util.Optional;

/** {@code voxloop init --import} on the built-in forge: one hosted copy per source, under a free name. */
final class HostedImport implements ForgeImport {

    private final BuiltinForge forge;

    HostedImport(BuiltinForge forge) {
        this.forge = forge;
    }

    @Override
    public Optional<String> importedFrom(String source) {
        String clean = BareRepositories.withoutCredentials(source);
        return forge.repositories().stream().filter(r -> clean.equals(r.source())).map(HostedRepository::name)
                .findFirst();
    }

    @Override
    public String importRepository(String source, String name) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        base = base.isEmpty() ? "project" : base.replaceAll("\\.git$", "");
        String free = base;
        for (int i = 2; taken(free); i++) {
            free = base + "-" + i;
        }
        return forge.importRepository(source, free).name();
    }

    private boolean taken(String name) {
        return forge.bareRepositories().exists(name)
                || forge.repositories().stream().anyMatch(r -> r.name().equals(name));
    }
}
