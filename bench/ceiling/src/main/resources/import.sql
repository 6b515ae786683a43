INSERT INTO item (id, code, name, status, updated_at, version) VALUES ('00000000-0000-0000-0000-000000000001', 'WION', 'Wet informatie-uitwisseling ondergrondse netten', 'IN_PROGRESS', now(), 1);
