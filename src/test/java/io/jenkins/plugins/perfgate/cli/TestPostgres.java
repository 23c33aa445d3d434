package io.jenkins.plugins.perfgate.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL for a test: {@code initdb} into a temporary data folder, {@code pg_ctl start} on a free
 * port of 127.0.0.1 with trust authentication for user {@code perfgate}, stopped and deleted on close. Finds the
 * binaries on the PATH or where the Debian package puts them ({@code /usr/lib/postgresql/N/bin}); PostgreSQL refuses
 * to run as root, so as root it runs as the {@code postgres} user the package creates.
 */
final class TestPostgres implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final int port;
    private final boolean asPostgres;

    private TestPostgres(Path bin, Path data, int port, boolean asPostgres) {
        this.bin = bin;
        this.data = data;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The bin folder of an installed PostgreSQL, if any. */
    static Optional<Path> binaries() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb"))) {
                return Optional.of(Path.of(dir, "initdb").toRealPath().getParent());
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(p -> p.getParent().getFileName().toString()));
        }
    }

    static TestPostgres start(Path bin) throws IOException, InterruptedException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path data = Files.createTempDirectory(Path.of("/tmp"), "perfgate-pg");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TestPostgres pg = new TestPostgres(bin, data, port, root);
        if (root) {
            pg.exec(List.of("chown", "postgres", data.toString()), false);
        }
        pg.exec(List.of(bin.resolve("initdb").toString(), "-D", data.resolve("db").toString(), "-U", "perfgate",
                "-A", "trust", "--no-sync", "-E", "UTF8"), true);
        pg.exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-w", "-t", "30",
                "-l", data.resolve("server.log").toString(), "-o",
                "-p " + port + " -h 127.0.0.1 -k " + data + " -F", "start"), true);
        return pg;
    }

    int port() {
        return port;
    }

    /** Runs SQL with psql and returns its unaligned output. */
    String sql(String statement) throws IOException, InterruptedException {
        return exec(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U",
                "perfgate", "-d", "postgres", "-tAc", statement), true).strip();
    }

    private String exec(List<String> command, boolean asUser) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asUser && asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        try {
            exec(List.of(bin.resolve("pg_ctl").toString(), "-D", data.resolve("db").toString(), "-m", "immediate",
                    "-w", "stop"), true);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
