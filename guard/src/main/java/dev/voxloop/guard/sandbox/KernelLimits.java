package dev.voxloop.guard.sandbox;

import dev.voxloop.core.sandbox.LimitHit;
import dev.voxloop.core.sandbox.SandboxLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Memory and process limits the kernel enforces on a sandbox's whole process tree: child cgroups created below
 * this process's own cgroups (v1 {@code memory} and {@code pids}, or a delegated v2 group) where it may write
 * them, otherwise rlimits through {@code prlimit} (memory per process as {@code RLIMIT_DATA}, processes per
 * user; the kernel does not apply the process rlimit to root, which {@link #describe()} says).
 */
final class KernelLimits {

    private static final long FILE_SIZE_LIMIT = 4L << 30;

    private final Path memoryParent;
    private final Path pidsParent;
    private final boolean v2;
    private final boolean root;

    private KernelLimits(Path memoryParent, Path pidsParent, boolean v2, boolean root) {
        this.memoryParent = memoryParent;
        this.pidsParent = pidsParent;
        this.v2 = v2;
        this.root = root;
    }

    /** What this machine allows this process, found from /proc/self/cgroup. */
    static KernelLimits detect(boolean useCgroups) {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!useCgroups) {
            return new KernelLimits(null, null, false, root);
        }
        Path memory = null;
        Path pids = null;
        boolean v2 = false;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
                String[] f = line.split(":", 3);
                if (f.length < 3) {
                    continue;
                }
                String rel = f[2].startsWith("/") ? f[2].substring(1) : f[2];
                if (f[1].equals("memory")) {
                    memory = writable(Path.of("/sys/fs/cgroup/memory").resolve(rel));
                } else if (f[1].equals("pids")) {
                    pids = writable(Path.of("/sys/fs/cgroup/pids").resolve(rel));
                } else if (f[0].equals("0") && f[1].isEmpty() && memory == null && pids == null) {
                    Path own = Path.of("/sys/fs/cgroup").resolve(rel);
                    Path control = own.resolve("cgroup.subtree_control");
                    if (Files.isRegularFile(control) && Files.readString(control).contains("memory")
                            && Files.readString(control).contains("pids") && writable(own) != null) {
                        memory = own;
                        pids = own;
                        v2 = true;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return new KernelLimits(null, null, false, root);
        }
        return new KernelLimits(memory, pids, v2, root);
    }

    private static Path writable(Path dir) {
        return Files.isDirectory(dir) && Files.isWritable(dir) && Files.isWritable(dir.resolve("cgroup.procs"))
                ? dir : null;
    }

    /** One line for doctor: how memory and processes are limited here. */
    String describe() {
        String mem = memoryParent != null ? "memory by cgroup" : "memory per process (RLIMIT_DATA)";
        String procs = pidsParent != null ? "processes by cgroup"
                : root ? "processes NOT limited (root ignores RLIMIT_NPROC and no cgroup is writable)"
                : "processes per user (RLIMIT_NPROC)";
        return mem + ", " + procs + ", files up to " + (FILE_SIZE_LIMIT >> 30) + " GiB";
    }

    /** Creates the groups for one command; close the result when the command has ended. */
    Groups open(String id, SandboxLimits limits) throws IOException {
        List<Path> created = new ArrayList<>();
        Path mem = null;
        Path pids = null;
        if (v2) {
            mem = Files.createDirectory(memoryParent.resolve("voxloop-" + id));
            pids = mem;
            created.add(mem);
            Files.writeString(mem.resolve("memory.max"), Long.toString(limits.memoryBytes()));
            Files.writeString(mem.resolve("memory.swap.max"), "0");
            Files.writeString(mem.resolve("pids.max"), Integer.toString(limits.processes()));
        } else {
            if (memoryParent != null) {
                mem = Files.createDirectory(memoryParent.resolve("voxloop-" + id));
                created.add(mem);
                Files.writeString(mem.resolve("memory.limit_in_bytes"), Long.toString(limits.memoryBytes()));
                optionalWrite(mem.resolve("memory.memsw.limit_in_bytes"), Long.toString(limits.memoryBytes()));
            }
            if (pidsParent != null) {
                pids = Files.createDirectory(pidsParent.resolve("voxloop-" + id));
                created.add(pids);
                Files.writeString(pids.resolve("pids.max"), Integer.toString(limits.processes()));
            }
        }
        return new Groups(mem, pids, created, limits);
    }

    private static void optionalWrite(Path f, String value) {
        try {
            Files.writeString(f, value);
        } catch (IOException ignored) {
            // swap accounting is off on this kernel: there is no swap to limit
        }
    }

    /** The cgroups of one command (either may be null: an rlimit stands in). */
    final class Groups implements AutoCloseable {
        private final Path memory;
        private final Path pids;
        private final List<Path> created;
        private final SandboxLimits limits;

        private Groups(Path memory, Path pids, List<Path> created, SandboxLimits limits) {
            this.memory = memory;
            this.pids = pids;
            this.created = created;
            this.limits = limits;
        }

        /**
         * The argv that enters the groups, sets the rlimits and then runs {@code command}: a fixed shell line
         * (no caller text in it) writes its own pid into each group before anything else can fork.
         */
        List<String> wrap(List<String> command) {
            List<String> argv = new ArrayList<>(List.of("sh", "-c",
                    "for g; do [ \"$g\" = -- ] && break; echo $$ > \"$g\" || exit 125; shift; done; shift;"
                            + " exec \"$@\"", "voxloop-limits"));
            for (Path g : new java.util.LinkedHashSet<>(java.util.Arrays.asList(memory, pids))) {
                if (g != null) {
                    argv.add(g.resolve("cgroup.procs").toString());
                }
            }
            argv.add("--");
            argv.add("prlimit");
            argv.add("--core=0");
            argv.add("--fsize=" + FILE_SIZE_LIMIT);
            if (memory == null) {
                argv.add("--data=" + limits.memoryBytes());
            }
            if (pids == null && !root) {
                argv.add("--nproc=" + limits.processes());
            }
            argv.add("--");
            argv.addAll(command);
            return argv;
        }

        /** The limit the kernel enforced, if one was reached. */
        Optional<LimitHit> hit(int exit) {
            if (memory != null && (counter(memory, v2 ? "memory.events" : "memory.oom_control", "oom_kill") > 0
                    || (!v2 && exit == 137 && counter(memory, "memory.failcnt", null) > 0))) {
                return Optional.of(new LimitHit.Memory(limits.memoryBytes()));
            }
            if (pids != null && exit != 0 && counter(pids, "pids.events", "max") > 0) {
                return Optional.of(new LimitHit.Processes(limits.processes()));
            }
            return Optional.empty();
        }

        private static long counter(Path dir, String file, String key) {
            try {
                for (String line : Files.readAllLines(dir.resolve(file))) {
                    String[] kv = line.strip().split("\\s+");
                    if (key == null && kv.length == 1) {
                        return Long.parseLong(kv[0]);
                    }
                    if (kv.length == 2 && kv[0].equals(key)) {
                        return Long.parseLong(kv[1]);
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return 0;
            }
            return 0;
        }

        /** Kills whatever is left in the groups and removes them. */
        @Override
        public void close() {
            for (Path g : created) {
                for (int attempt = 0; attempt < 50; attempt++) {
                    try {
                        for (String pid : Files.readAllLines(g.resolve("cgroup.procs"))) {
                            ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(ProcessHandle::destroyForcibly);
                        }
                        Files.delete(g);
                        break;
                    } catch (IOException | NumberFormatException e) {
                        sleep();
                    }
                }
            }
        }

        private static void sleep() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
