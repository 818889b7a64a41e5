-- A staff name is one name whatever its case ("Tanaka" and "tanaka" are one account, as they
-- are one lockout key). Opening the database checks for names that differ only in case before
-- this runs and names them; this index keeps them from coming back.
CREATE UNIQUE INDEX users_name_nocase ON users (lower(name));
