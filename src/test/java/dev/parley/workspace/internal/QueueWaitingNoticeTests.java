package dev.parley.workspace.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Customer;
import dev.parley.conversation.Priority;
import dev.parley.conversation.SourceDetails;
import dev.parley.conversation.WaitingNotice;
import dev.parley.sla.OpeningHours;
import dev.parley.workspace.QueueStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a customer waiting for a person is told: place in line and expected wait, in words a person would use. */
class QueueWaitingNoticeTests {

    private final QueueEstimates estimates = mock(QueueEstimates.class);
    private final OpeningHours openingHours = mock(OpeningHours.class);
    private final QueueWaitingNotice notice = new QueueWaitingNotice(estimates, openingHours);

    @Test
    void outsideBusinessHoursSaysWhenTheTeamIsBack() {
        Conversation c = waiting(null);
        when(openingHours.awayNotice(null)).thenReturn(Optional.of("We're back Monday at 09:00 (Europe/Berlin)."));
        when(estimates.status(c.id())).thenReturn(Optional.of(new QueueStatus(3, 600, 0)));
        assertThat(notice.text(c)).isEqualTo("Thanks — our team is away right now. We're back Monday at 09:00 "
                + "(Europe/Berlin). A person will reply here then.");
    }

    @Test
    void saysThePlaceInLineAndTheExpectedReplyTime() {
        Conversation c = waiting(null);
        when(estimates.status(c.id())).thenReturn(Optional.of(new QueueStatus(3, 600, 2)));
        assertThat(notice.text(c))
                .isEqualTo("Thanks — you're number 3 in line; a person usually replies within about 10 minutes.");
    }

    @Test
    void saysWhenNobodyIsOnlineAndWhenSomeoneAlreadyHasTheConversation() {
        Conversation c = waiting(null);
        when(estimates.status(c.id())).thenReturn(Optional.of(new QueueStatus(1, 300, 0)));
        assertThat(notice.text(c)).startsWith("Thanks — you're number 1 in line. No one from our team is online");
        assertThat(notice.text(waiting(UUID.randomUUID()))).contains("has your conversation");
        assertThat(notice.text(waiting(null))).isEqualTo(WaitingNotice.FALLBACK); // not in the queue yet
    }

    @Test
    void waitsReadAsMinutesOrHours() {
        assertThat(QueueWaitingNotice.about(20)).isEqualTo("1 minute");
        assertThat(QueueWaitingNotice.about(90)).isEqualTo("2 minutes");
        assertThat(QueueWaitingNotice.about(3 * 3600)).isEqualTo("3 hours");
    }

    private static Conversation waiting(UUID assignee) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return new Conversation(UUID.randomUUID(), "web", null, null, ConversationStatus.ESCALATED, Priority.MEDIUM,
                null, null, Customer.anonymous(), SourceDetails.none(), null, assignee, null, now, now, now, now, null,
                now);
    }
}
