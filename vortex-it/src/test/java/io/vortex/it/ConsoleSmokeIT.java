package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vortex.it.support.Browser;
import io.vortex.it.support.Database;
import io.vortex.it.support.DagRows;
import io.vortex.it.support.DagRows.DagRow;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The console in a real browser: the home page lists DAGs from the database. */
class ConsoleSmokeIT {

    @Test
    void homePageListsDagsFromTheDatabaseAndSearchNarrowsThem() throws IOException {
        VortexServer server = VortexServers.of(Database.POSTGRESQL);
        DagRows.insert(server.jdbc(),
                new DagRow("console_sales_report", "analytics", "@daily", List.of("sales"), false),
                new DagRow("console_ops_cleanup", "ops", "0 3 * * *", List.of(), true));

        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            page.get(server.console().toString());
            WebDriverWait wait = new WebDriverWait(page, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dags:table")));

            assertThat(page.getTitle()).isEqualTo("DAGs · VORTEX");
            assertThat(page.findElement(By.cssSelector(".vx-topbar")).getText()).contains("VORTEX");
            assertThat(page.findElement(By.id("dags:table")).getText()).contains("Owner", "Schedule", "Next run");

            // other tests share this server's database, so the two DAGs are found through the search box
            WebElement search = page.findElement(By.id("dags:search"));
            search.sendKeys("console_");
            wait.until(driver -> tableText(driver).contains("console_ops_cleanup"));
            assertThat(tableText(page)).contains("console_sales_report", "sales", "analytics", "0 3 * * *", "paused");
            Path screenshot = browser.screenshot("console-home");
            assertThat(Files.size(screenshot)).isPositive();

            search.sendKeys("sales_rep");
            wait.until(driver -> !tableText(driver).contains("console_ops_cleanup"));
            assertThat(tableText(page)).contains("console_sales_report");
            browser.screenshot("console-search");
        }
    }

    private static String tableText(WebDriver page) {
        return page.findElement(By.id("dags:table")).getText();
    }
}
