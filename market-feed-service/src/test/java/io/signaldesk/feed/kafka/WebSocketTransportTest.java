package io.signaldesk.feed.kafka;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The default transport: no Kafka channel, no Kafka health check, no Kafka metric; readiness stays UP. */
@QuarkusTest
class WebSocketTransportTest {

    @Test
    void defaultTransportHasNoKafkaInHealthOrMetrics() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(not(containsString("market-snapshots")), not(containsString("Kafka")),
                        not(containsString("kafka")));
        given().when().get("/q/metrics").then().statusCode(200).body(not(containsString("feed_kafka")));
    }
}
