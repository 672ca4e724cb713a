CREATE TABLE IF NOT EXISTS folder (id BIGINT PRIMARY KEY, title VARCHAR(255) NOT NULL);
CREATE TABLE IF NOT EXISTS item (
    folder_id BIGINT NOT NULL,
    position INT NOT NULL,
    name VARCHAR(255) NOT NULL,
    title VARCHAR(255) NOT NULL,
    kind VARCHAR(16) NOT NULL,
    PRIMARY KEY (folder_id, position)
);
MERGE INTO folder KEY (id) VALUES (0, 'Jope');
MERGE INTO item KEY (folder_id, position) VALUES (0, 1, 'welcome', 'Welcome to Jope', 'page');
