package ir.line111.console;

import ir.line111.console.support.Browser;
import ir.line111.console.support.ConsoleFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing is slowed per user and address and per address, with waits that grow, and a stranger
 * cannot lock a real user out. Each desk is a loopback address of its own (127.0.0.x all reach the
 * server on 127.0.0.1), which is all the server goes by.
 */
class SignInThrottleTest {

    static ConsoleFixture fx;

    @BeforeAll
    static void start() { fx = ConsoleFixture.h2(); }

    @AfterAll
    static void stop() { fx.close(); }

    static Browser from(String address) {
        try {
            return new Browser(fx.base(), InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static long retryAfter(Browser.Response r) {
        return Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void aStrangerGuessingAtAUsersPasswordDoesNotLockTheUserOut() {
        Browser stranger = from("127.0.0.2");
        for (int i = 0; i < 3; i++) assertThat(stranger.signIn("supervisor", "guess " + i).status()).isEqualTo(401);
        assertThat(stranger.signIn("supervisor", ConsoleFixture.PASSWORD).status()).as("the guesser waits").isEqualTo(429);
        assertThat(from("127.0.0.3").signIn("supervisor", ConsoleFixture.PASSWORD).status()).as("the real user, at the own desk").isEqualTo(200);
    }

    @Test
    void theWaitGrowsWithEachFurtherFailure() {
        Browser guesser = from("127.0.0.4");
        for (int i = 0; i < 3; i++) guesser.signIn("operator", "guess " + i);
        var first = guesser.signIn("operator", "guess");
        assertThat(first.status()).isEqualTo(429);
        assertThat(first.error()).isEqualTo("too_many_attempts");
        long wait1 = retryAfter(first);
        fx.clock.advance(Duration.ofSeconds(wait1 + 1));
        assertThat(guesser.signIn("operator", "guess again").status()).isEqualTo(401);
        long wait2 = retryAfter(guesser.signIn("operator", "guess"));
        fx.clock.advance(Duration.ofSeconds(wait2 + 1));
        assertThat(guesser.signIn("operator", "and again").status()).isEqualTo(401);
        long wait3 = retryAfter(guesser.signIn("operator", "guess"));
        assertThat(wait2).isGreaterThan(wait1);
        assertThat(wait3).isGreaterThan(wait2);
    }

    @Test
    void sprayingOnePasswordOverManyNamesFromOneAddressIsSlowed() {
        Browser sprayer = from("127.0.0.5");
        int refused = 0;
        long firstWait = 0;
        for (int i = 0; i < 20; i++) {
            var r = sprayer.signIn("user-" + i, "Password1!");
            if (r.status() == 429) {
                if (refused++ == 0) firstWait = retryAfter(r);
            } else {
                assertThat(r.status()).isEqualTo(401);
            }
        }
        assertThat(refused).as("sign-ins refused among 20 names tried from one address").isGreaterThanOrEqualTo(10);
        assertThat(firstWait).isPositive();
        // the names tried were never tried before: only the address counter can have refused them
        assertThat(sprayer.signIn("transcriber", ConsoleFixture.PASSWORD).status()).as("even a right password waits").isEqualTo(429);
        fx.clock.advance(Duration.ofSeconds(firstWait + 1));
        assertThat(sprayer.signIn("user-x", "Password1!").status()).isEqualTo(401);
        long longer = retryAfter(sprayer.signIn("user-y", "Password1!"));
        assertThat(longer).isGreaterThan(firstWait);
        assertThat(from("127.0.0.6").signIn("transcriber", ConsoleFixture.PASSWORD).status()).as("another desk is not slowed").isEqualTo(200);
    }
}
