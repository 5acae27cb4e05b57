package dev.podium.testsupport;

import org.testcontainers.mysql.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/** MySQL (or a compatible image) in a Docker container, through Testcontainers. */
final class ContainerMySqlServer extends MySqlServer {

    private static final String ROOT_PASSWORD = "podium";

    private final MySQLContainer container;
    private final String image;

    ContainerMySqlServer(String image) {
        this.image = image;
        this.container = new MySQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("mysql"))
                .withDatabaseName("podium")
                .withUsername("root")
                .withPassword(ROOT_PASSWORD)
                .withCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci",
                        "--max-connections=500");
        container.start();
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(3306);
    }

    @Override
    public String adminUser() {
        return "root";
    }

    @Override
    public String adminPassword() {
        return ROOT_PASSWORD;
    }

    @Override
    public String description() {
        return "Testcontainers MySQL (image " + image + ", container " + container.getContainerId().substring(0, 12) + ")";
    }

    @Override
    public void close() {
        container.stop();
    }
}
