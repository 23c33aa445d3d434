// Compiled and run by GatlingSimulationLogTest against Gatling 3.13.5 (not part of perfgate's build).
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

public class PerfgateSimulation extends Simulation {
    {
        ScenarioBuilder shop = scenario("shop").repeat(Integer.getInteger("loops", 20)).on(
                exec(http("home").get("/home")),
                group("checkout").on(exec(http("pay").get("/pay"))),
                exec(http("broken").get("/broken")));
        setUp(shop.injectOpen(atOnceUsers(Integer.getInteger("users", 5))))
                .protocols(http.baseUrl(System.getProperty("target")));
    }
}
