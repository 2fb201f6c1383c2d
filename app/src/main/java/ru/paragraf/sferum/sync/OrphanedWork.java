package ru.paragraf.sferum.sync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.embedded.ConditionalOnEmbeddedMode;

/**
 * In the embedded default this process is the only node: its PostgreSQL admits one process per data folder. What
 * the sync engine finds held at start (operations RUNNING, community leases, a row among the live nodes) was held by
 * an earlier process that died (a crash, kill -9, a power cut), so it is given back before the workers start, rather
 * than after the leases expire (an operation's after {@code operation-lease}, 2 minutes; a community's after
 * {@code community-lease}, 30 s). In a cluster a node cannot know that another one is gone: there the leases
 * expire.
 */
@Component
@ConditionalOnEmbeddedMode
class OrphanedWork implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OrphanedWork.class);

    private final JdbcClient jdbc;
    private final CommunityLeases communityLeases;
    private final ThisNode thisNode;
    private volatile boolean running;

    OrphanedWork(JdbcClient jdbc, CommunityLeases communityLeases, ThisNode thisNode) {
        this.jdbc = jdbc;
        this.communityLeases = communityLeases;
        this.thisNode = thisNode;
    }

    @Override
    public void start() {
        // never this node's own: should the workers have started first, what they hold stays theirs
        var node = thisNode.name();
        var operations = jdbc.sql(
                        """
                        update sync.operation set status = 'PENDING', locked_by = null, locked_until = null
                        where status = 'RUNNING' and locked_by is distinct from :node
                        """)
                .param("node", node)
                .update();
        var leases = communityLeases.releaseAllBut(node);
        if (operations > 0 || leases > 0) {
            log.info(
                    "A previous run ended without stopping: {} of its operations went back to the queue and {} of its"
                            + " community leases were given back",
                    operations,
                    leases);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the workers and the exchange scheduler, which start in the default phase. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1;
    }
}
