package ru.paragraf.sferum.sync;

import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.exchange.ExchangeTaskChanged;
import ru.paragraf.sferum.linkbase.CommunityCredentialsChanged;
import ru.paragraf.sferum.linkbase.MessengerBotChanged;
import ru.paragraf.sferum.linkbase.VerificationState;

/**
 * When credentials (a VK community's or a MAX bot's) or the SFERUM_SYNC task change, the organization's readiness is recomputed and the whole
 * organization planned: a school that just connected gets the chats and calls its journals already ask for, and
 * credentials verified anew lift a pause.
 */
@Component
class ReadinessChanges {

    private final Readiness readiness;
    private final SyncOrganizations organizations;
    private final Planner planner;
    private final Workers workers;

    ReadinessChanges(Readiness readiness, SyncOrganizations organizations, Planner planner, Workers workers) {
        this.readiness = readiness;
        this.organizations = organizations;
        this.planner = planner;
        this.workers = workers;
    }

    @ApplicationModuleListener
    void on(CommunityCredentialsChanged event) {
        if (event.state() == VerificationState.VERIFIED) {
            organizations.resume(event.organization());
        }
        catchUp(event.organization());
    }

    /** A school's MAX bot: the same as a VK community's credentials. */
    @ApplicationModuleListener
    void on(MessengerBotChanged event) {
        if (event.state() == VerificationState.VERIFIED) {
            organizations.resume(event.organization());
        }
        catchUp(event.organization());
    }

    @ApplicationModuleListener
    void on(ExchangeTaskChanged event) {
        if (Readiness.TASK_TYPE.equals(event.typeCode())) {
            catchUp(event.organizationId());
        }
    }

    private void catchUp(UUID organization) {
        if (readiness.refresh(organization) && planner.plan(organization, null, null) > 0) {
            workers.wakeUp();
        }
    }
}
