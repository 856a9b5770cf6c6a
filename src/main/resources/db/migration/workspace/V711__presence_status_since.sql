-- Since when an agent has had their presence status, and when the open conversations of an away agent were last
-- given back to the queue (once per away period: parley.inbox.away-release-after).
ALTER TABLE agent_presence ADD COLUMN status_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE agent_presence ADD COLUMN released_at TIMESTAMP WITH TIME ZONE;
UPDATE agent_presence SET status_since = last_seen_at;
