-- Live pushes (ADR 0040) no longer leave event publications behind: the ones an earlier version left incomplete
-- have no listener to go to any more and would be resubmitted in vain.
DELETE FROM event_publication
WHERE completion_date IS NULL AND listener_id LIKE 'dev.parley.realtime.internal.ConversationRelay.%';
