package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vortex.it.support.Browser;
import io.vortex.it.support.Database;
import io.vortex.it.support.DagRows;
import io.vortex.it.support.DagRows.DagRow;
import io.vortex.it.support.Users;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The console in a real browser: signing in and out, and the home page's DAG list. */
class ConsoleIT {

    private static final String VIEWER_PASSWORD = "Console-Viewer-1";
    private static VortexServer server;

    @BeforeAll
    static void seed() {
        server = VortexServers.of(Database.POSTGRESQL);
        Users.insert(server.jdbc(), "console_viewer", VIEWER_PASSWORD, "Viewer", true);
        DagRows.insert(server.jdbc(),
                new DagRow("console_sales_report", "analytics", "@daily", List.of("sales"), false),
                new DagRow("console_ops_cleanup", "ops", "0 3 * * *", List.of(), true));
    }

    @Test
    void withoutSigningInOnlyTheLoginPageShows() {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            page.get(server.console().toString());

            browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
            assertThat(page.getTitle()).isEqualTo("Sign in · VORTEX");
            assertThat(page.getPageSource()).doesNotContain("console_sales_report");
            browser.screenshot("console-login");
        }
    }

    @Test
    void aWrongPasswordKeepsYouOnTheLoginPageWithAMessage() {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(server.console(), "console_viewer", "Not-the-Passw0rd");

            browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
            assertThat(page.findElement(By.id("login-error")).getText()).isEqualTo("Wrong username or password.");
        }
    }

    @Test
    void afterSigningInTheHomePageListsDagsAndSearchNarrowsThem() throws IOException {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(server.console(), VortexServer.ADMIN, VortexServer.ADMIN_PASSWORD);
            browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("dags:table")));

            assertThat(page.getTitle()).isEqualTo("DAGs · VORTEX");
            assertThat(page.findElement(By.id("current-user")).getText()).isEqualTo("admin");
            assertThat(page.findElement(By.cssSelector(".vx-role")).getText()).isEqualTo("Admin");
            assertThat(tableText(page)).contains("Owner", "Schedule", "Next run");

            // other tests share this server's database, so the two DAGs are found through the search box
            WebElement search = page.findElement(By.id("dags:search"));
            search.sendKeys("console_");
            browser.waitFor().until(driver -> tableText(driver).contains("console_ops_cleanup"));
            assertThat(tableText(page)).contains("console_sales_report", "sales", "analytics", "0 3 * * *", "paused");
            Path screenshot = browser.screenshot("console-home");
            assertThat(Files.size(screenshot)).isPositive();

            search.sendKeys("sales_rep");
            browser.waitFor().until(driver -> !tableText(driver).contains("console_ops_cleanup"));
            assertThat(tableText(page)).contains("console_sales_report");
            browser.screenshot("console-search");
        }
    }

    @Test
    void signingOutEndsTheSession() {
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(server.console(), "console_viewer", VIEWER_PASSWORD);
            browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("session:logout")));
            assertThat(page.findElement(By.cssSelector(".vx-role")).getText()).isEqualTo("Viewer");

            page.findElement(By.id("session:logout")).click();

            browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
            page.get(server.console().toString());
            browser.waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id("login")));
            assertThat(page.getPageSource()).doesNotContain("dags:table");
        }
    }



    private static String tableText(WebDriver page) {
        return page.findElement(By.id("dags:table")).getText();
    }
}
