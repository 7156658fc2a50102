package dev.voxloop.app.bench;

import dev.voxloop.bench.server.StreamBench;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code voxloop bench streams --url URL --pid PID}: dead stream clients and a request burst against a server. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Open WebSocket clients that never answer, then a burst of requests, against a running server"
                + " (no API token; see bench/streams.sh) and print its threads, RSS and stream clients before,"
                + " during and after.")
public final class BenchStreamsCommand implements Callable<Integer> {

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8000", description = "Server base URL.")
    URI url;

    @Option(names = "--pid", required = true, description = "The server's process id (threads and RSS are read"
            + " from /proc).")
    long pid;

    @Option(names = "--dead", defaultValue = "250", description = "Silent WebSocket clients to open.")
    int dead;

    @Option(names = "--addresses", defaultValue = "5", description = "Client addresses they come from"
            + " (127.0.0.2 and up).")
    int addresses;

    @Option(names = "--clients", defaultValue = "200", description = "Concurrent clients of the burst.")
    int clients;

    @Option(names = "--requests", defaultValue = "20", description = "Requests per burst client.")
    int requests;

    @Override
    public Integer call() throws Exception {
        return new StreamBench(url, pid, System.out).run(dead, addresses, clients, requests) ? 0 : 1;
    }
}
