package dev.parley.analytics;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest
@Import(AnalyticsSummaryContract.Fixture.class)
class AnalyticsSummaryH2Tests extends AnalyticsSummaryContract {
}
