-- When the current "Did that help?" verdict was given: a verdict and a newer AI answer may reach the projection in
-- either order, and a newer answer must not wipe the verdict given after it (nor an old verdict decide a new answer).
ALTER TABLE analytics_conversation ADD COLUMN ai_resolution_at TIMESTAMP WITH TIME ZONE;
