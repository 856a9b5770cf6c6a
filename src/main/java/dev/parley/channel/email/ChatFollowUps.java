package dev.parley.channel.email;

import dev.parley.channel.email.FollowUpRepository.FollowUp;
import dev.parley.conversation.AuthorType;
import dev.parley.conversation.ConversationEvents.ReplyPosted;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Chat continuity: a visible reply in a website chat is noted when posted, and once the customer has not read it
 * for {@code parley.widget.email-after} it is mailed to them (see {@link FollowUpSender}). "Away" is the
 * customer's read marker, kept in the database, so it holds across nodes; the job runs once across the cluster. A
 * conversation whose follow-up fails with an error of its own is put back by {@code RETRY_LATER}, so it never holds
 * up the others.
 */
@Component
class ChatFollowUps {

    private static final Logger log = LoggerFactory.getLogger(ChatFollowUps.class);
    private static final int BATCH = 100;
    private static final Duration RETRY_LATER = Duration.ofMinutes(10);

    private final FollowUpRepository repository;
    private final FollowUpSender sender;
    private final Duration emailAfter;
    private final Clock clock;

    ChatFollowUps(FollowUpRepository repository, FollowUpSender sender,
            @Value("${parley.widget.email-after:2m}") Duration emailAfter, Clock clock) {
        this.repository = repository;
        this.sender = sender;
        this.emailAfter = emailAfter;
        this.clock = clock;
    }

    @ApplicationModuleListener(condition = "!#event.internal() and #event.authorType().name() != 'CUSTOMER'"
            + " and #event.channel() == 'web'")
    void on(ReplyPosted event) {
        if (!event.internal() && event.authorType() != AuthorType.CUSTOMER && isChat(event.channel())) {
            repository.replyPosted(event.conversationId(), event.seq(), event.at().plus(emailAfter));
        }
    }

    @Scheduled(initialDelayString = "${parley.widget.email-check-interval:15s}",
            fixedDelayString = "${parley.widget.email-check-interval:15s}")
    @SchedulerLock(name = "channel.widget-email-followup", lockAtMostFor = "PT10M")
    void mailDue() {
        try {
            var mailbox = sender.mailbox();
            if (mailbox.isEmpty()) {
                return;
            }
            for (FollowUp due : repository.due(clock.instant(), BATCH)) {
                try {
                    sender.followUp(due, mailbox.get(), emailAfter);
                } catch (RuntimeException e) {
                    // Its data cannot be read or mailed (a bad record): behind the others, tried again later.
                    log.warn("Mailing unread replies of conversation {} failed; trying again in {}: {}",
                            due.conversationId(), RETRY_LATER, e.toString());
                    repository.reschedule(due.conversationId(), clock.instant().plus(RETRY_LATER));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Mailing unread chat replies failed; trying again next time: {}", e.toString());
        }
    }

    private static boolean isChat(String channel) {
        return "web".equals(channel);
    }
}
