-- Where an imported article came from: a file name (with its section) or a web address; null when written here.
ALTER TABLE knowledge_article ADD COLUMN source VARCHAR(2000);
