package ru.paragraf.sferum.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent users of the web UI during the mass run: each logs in through the login form, then loads its page
 * again and again, {@code thinkMillis} apart, until the window closes: teachers their journal page, pupils their
 * diary week.
 */
final class PageLoad {

    /** A user and the page it loads. */
    record User(String username, String kind, String path) {}

    /** Latencies of one kind of page. */
    record Figures(String kind, Percentiles latency, long errors, long requests) {}

    private final AppHttp http;
    private final List<User> users;
    private final List<Double> journal = Collections.synchronizedList(new ArrayList<>());
    private final List<Double> diary = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong journalErrors = new AtomicLong();
    private final AtomicLong diaryErrors = new AtomicLong();
    private final long thinkMillis;
    private final List<Thread> threads = new ArrayList<>();
    private final List<AppHttp.Session> sessions = new ArrayList<>();

    PageLoad(AppHttp http, List<User> users, long thinkMillis) {
        this.http = http;
        this.users = users;
        this.thinkMillis = thinkMillis;
    }

    /**
     * Logs every user in and loads each one's page once, before the window: the figures are those of users at work
     * with their page open, not of a node's first requests (password hashing, templates parsed, code not yet
     * compiled).
     */
    void login() {
        for (var user : users) {
            var session = http.login(user.username(), CityConnection.PASSWORD);
            session.get(user.path());
            sessions.add(session);
        }
    }

    void start(Window window) {
        for (int i = 0; i < users.size(); i++) {
            var user = users.get(i);
            var session = sessions.get(i);
            var isJournal = user.kind().equals("journal");
            var thread = new Thread(
                    () -> {
                        while (window.isOpen()) {
                            long began = System.nanoTime();
                            int status;
                            try {
                                status = session.get(user.path());
                            } catch (RuntimeException e) {
                                status = -1;
                            }
                            double ms = (System.nanoTime() - began) / 1e6;
                            (isJournal ? journal : diary).add(ms);
                            if (status != 200) {
                                (isJournal ? journalErrors : diaryErrors).incrementAndGet();
                            }
                            if (thinkMillis > 0 && System.nanoTime() + thinkMillis * 1_000_000L < window.end()) {
                                CityConnection.pause(thinkMillis);
                            }
                        }
                    },
                    "page-user-" + i);
            thread.start();
            threads.add(thread);
        }
    }

    List<Figures> await() throws InterruptedException {
        for (var thread : threads) {
            thread.join();
        }
        return List.of(
                new Figures("journal page (teacher)", Percentiles.of(journal), journalErrors.get(), journal.size()),
                new Figures("diary week (pupil)", Percentiles.of(diary), diaryErrors.get(), diary.size()));
    }
}
