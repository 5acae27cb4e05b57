package dev.podium.events.talks;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AcceptedTalkRepository extends CrudRepository<AcceptedTalk, String> {

    List<AcceptedTalk> findByTalkIdIn(Collection<String> talkIds);

    /** Talks whose speakers' JSON contains the text (the collation ignores case). */
    @Query("SELECT * FROM accepted_talk WHERE INSTR(speakers, :text) > 0")
    List<AcceptedTalk> findBySpeakersMentioning(String text);
}
