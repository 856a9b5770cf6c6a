-- The conversation core keeps no channel's data: the widget's token hash and visitor id moved to the web channel
-- (widget_conversation, V632), page, browser and referrer to conversation_source (V631).
ALTER TABLE conversation DROP COLUMN access_token_hash;
ALTER TABLE conversation DROP COLUMN visitor_id;
ALTER TABLE conversation DROP COLUMN page_url;
ALTER TABLE conversation DROP COLUMN user_agent;
ALTER TABLE conversation DROP COLUMN referrer;
