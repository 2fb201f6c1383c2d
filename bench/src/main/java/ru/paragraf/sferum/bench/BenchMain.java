package ru.paragraf.sferum.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a benchmark and writes its figures under {@code bench/results/}. Usage:
 * {@code java -jar bench/target/bench.jar client [--seconds 30] [--warmup 5] [--tokens 10] [--workers 8] [--out bench/results]}
 * or {@code java -jar bench/target/bench.jar city [--schools 702] [--video-schools 200] [--latency-ms 50] [--seconds 60]
 * [--users 50] [--incremental 50] [--worker-threads 128] [--community-concurrency 8] [--cpu-ceiling 0.8]
 * [--publish-every-ms 1000] [--think-ms 1000] [--one-node] [--drain] [--drain-cap-seconds 3600] [--out bench/results]}
 * or {@code java -jar bench/target/bench.jar pages [--schools 2] [--warmup 1000] [--renders 1000] [--profile]
 * [--jfr directory] [--out bench/results]}
 * or {@code java -jar bench/target/bench.jar members [--schools 200] [--parents-share 0.1] [--moves-share 0.01]
 * [--strangers 10] [--latency-ms 50] [--worker-threads 128] [--community-concurrency 8] [--cpu-ceiling 1]
 * [--cap-seconds 3600] [--out bench/results]}.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("city")) {
            city(args);
            return;
        }
        if (args.length > 0 && args[0].equals("pages")) {
            pages(args);
            return;
        }
        if (args.length > 0 && args[0].equals("members")) {
            members(args);
            return;
        }
        if (args.length == 0 || !args[0].equals("client")) {
            System.err.println("usage: java -jar bench/target/bench.jar client"
                    + " [--seconds 30] [--warmup 5] [--tokens 10] [--workers 8] [--out bench/results]");
            System.err.println("       java -jar bench/target/bench.jar city [--schools 702] [--video-schools 200]"
                    + " [--latency-ms 50] [--seconds 60] [--users 50] [--incremental 50] [--worker-threads 128]"
                    + " [--community-concurrency 8] [--cpu-ceiling 0.8] [--publish-every-ms 1000] [--think-ms 1000]"
                    + " [--one-node] [--drain] [--drain-cap-seconds 3600]"
                    + " [--out bench/results]");
            System.err.println("       java -jar bench/target/bench.jar pages [--schools 2] [--warmup 1000]"
                    + " [--renders 1000] [--profile] [--jfr directory] [--out bench/results]");
            System.err.println("       java -jar bench/target/bench.jar members [--schools 200] [--parents-share 0.1]"
                    + " [--moves-share 0.01] [--strangers 10] [--latency-ms 50] [--worker-threads 128]"
                    + " [--community-concurrency 8] [--cpu-ceiling 1] [--cap-seconds 3600] [--out bench/results]");
            System.exit(64);
        }
        int seconds = intOption(args, "--seconds", 30);
        int tokens = intOption(args, "--tokens", 10);
        int workers = intOption(args, "--workers", 8);
        int warmup = intOption(args, "--warmup", 5);
        var out = Path.of(option(args, "--out", "bench/results"));
        var settings =
                new ClientBenchmark.Settings(tokens, workers, Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
        System.out.printf(
                "VK client benchmark: %d tokens x %d workers, %d s warm-up, %d s measured ...%n",
                tokens, workers, warmup, seconds);
        var result = new ClientBenchmark(settings).run();
        var report = BenchReport.markdown(result, "java -jar bench/target/bench.jar " + String.join(" ", args));
        var file = BenchReport.write(report, out);
        System.out.println(report);
        System.out.println("Written to " + file);
        System.exit(result.meetsTarget() ? 0 : 2);
    }

    private static void city(String[] args) throws Exception {
        int schools = intOption(args, "--schools", 702);
        var settings = new CityBenchmark.Settings(
                schools,
                Math.min(schools, intOption(args, "--video-schools", 200)),
                Duration.ofMillis(intOption(args, "--latency-ms", 50)),
                intOption(args, "--seconds", 60),
                intOption(args, "--users", 50),
                intOption(args, "--incremental", 50),
                intOption(args, "--worker-threads", 128),
                intOption(args, "--community-concurrency", 8),
                Double.parseDouble(option(args, "--cpu-ceiling", "0.8")),
                intOption(args, "--publish-every-ms", 1000),
                intOption(args, "--think-ms", 1000),
                !List.of(args).contains("--one-node"),
                List.of(args).contains("--drain"),
                intOption(args, "--drain-cap-seconds", 3600));
        var out = Path.of(option(args, "--out", "bench/results"));
        CityBenchmark.log("City benchmark: " + settings);
        var result = new CityBenchmark(settings).run();
        var file = CityReport.write(result, "java -jar bench/target/bench.jar " + String.join(" ", args), out);
        System.out.println(java.nio.file.Files.readString(file));
        System.out.println("Written to " + file);
        System.exit(0);
    }

    private static void pages(String[] args) throws Exception {
        var settings = new PageCost.Settings(
                intOption(args, "--schools", 2),
                intOption(args, "--warmup", 1000),
                intOption(args, "--renders", 1000),
                List.of(args).contains("--profile") || List.of(args).contains("--jfr"),
                List.of(args).contains("--jfr") ? Path.of(option(args, "--jfr", "bench/results")) : null);
        var out = Path.of(option(args, "--out", "bench/results"));
        CityBenchmark.log("Page cost: " + settings);
        var result = new PageCost(settings).run();
        var file = PageCostReport.write(result, "java -jar bench/target/bench.jar " + String.join(" ", args), out);
        System.out.println(java.nio.file.Files.readString(file));
        System.out.println("Written to " + file);
        System.exit(0);
    }

    private static void members(String[] args) throws Exception {
        var settings = new MembersBenchmark.Settings(
                intOption(args, "--schools", 200),
                Double.parseDouble(option(args, "--parents-share", "0.1")),
                Double.parseDouble(option(args, "--moves-share", "0.01")),
                intOption(args, "--strangers", 10),
                Duration.ofMillis(intOption(args, "--latency-ms", 50)),
                intOption(args, "--worker-threads", 128),
                intOption(args, "--community-concurrency", 8),
                Double.parseDouble(option(args, "--cpu-ceiling", "1")),
                intOption(args, "--cap-seconds", 3600));
        var out = Path.of(option(args, "--out", "bench/results"));
        CityBenchmark.log("Chat members benchmark: " + settings);
        var result = new MembersBenchmark(settings).run();
        var file = MembersReport.write(result, "java -jar bench/target/bench.jar " + String.join(" ", args), out);
        System.out.println(java.nio.file.Files.readString(file));
        System.out.println("Written to " + file);
        System.exit(0);
    }

    private static int intOption(String[] args, String name, int fallback) {
        return Integer.parseInt(option(args, name, String.valueOf(fallback)));
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
