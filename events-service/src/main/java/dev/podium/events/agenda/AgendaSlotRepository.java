package dev.podium.events.agenda;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AgendaSlotRepository extends CrudRepository<AgendaSlot, String> {

    List<AgendaSlot> findByEventIdOrderByPosition(String eventId);

    void deleteByEventId(String eventId);
}
