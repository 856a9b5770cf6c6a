-- V710 copied each conversation's first escalation time from history, but when those conversations were picked up
-- was never kept: a pick-up or agent reply after the upgrade would have counted all the time since as a wait. Their
-- waits stay unmeasured (docs/analytics.md); only rows that are not measured yet are cleared.
UPDATE analytics_conversation SET escalated_at = NULL
WHERE picked_up_at IS NULL AND human_response_seconds IS NULL AND queue_wait_seconds IS NULL;
