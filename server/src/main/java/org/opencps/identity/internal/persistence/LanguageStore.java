package org.opencps.identity.internal.persistence;

import java.util.Optional;
import org.opencps.platform.ids.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The language each person chose, as a language tag. */
@Repository
public class LanguageStore {

    private final JdbcClient jdbc;

    LanguageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(UserId user) {
        return jdbc.sql("SELECT language FROM identity_language WHERE user_id = ?").param(user.value())
                .query(String.class).optional();
    }

    public void save(UserId user, String language) {
        clear(user);
        jdbc.sql("INSERT INTO identity_language (user_id, language) VALUES (?, ?)").params(user.value(), language).update();
    }

    public void clear(UserId user) {
        jdbc.sql("DELETE FROM identity_language WHERE user_id = ?").param(user.value()).update();
    }
}
