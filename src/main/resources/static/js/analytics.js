// Analytics page: draws the charts from the JSON block the server rendered (no user text is evaluated).
(function () {
    const block = document.getElementById('analytics-data');
    if (!block || !window.Chart) return;
    const data = JSON.parse(block.textContent);
    const colors = {ai: '#2e9b5f', escalated: '#d9534f', other: '#8a94a6', accent: '#2f5bea'};
    const integerAxis = {beginAtZero: true, ticks: {precision: 0}};

    function draw(id, config) {
        const canvas = document.getElementById(id);
        if (canvas) new Chart(canvas, config);
    }

    draw('chart-volume', {
        type: 'bar',
        data: {
            labels: data.days,
            datasets: [
                {label: 'Resolved by AI', data: data.aiResolved, backgroundColor: colors.ai},
                {label: 'Escalated', data: data.escalated, backgroundColor: colors.escalated},
                {label: 'Other', data: data.other, backgroundColor: colors.other}
            ]
        },
        options: {
            maintainAspectRatio: false,
            scales: {x: {stacked: true}, y: Object.assign({stacked: true}, integerAxis)}
        }
    });
    draw('chart-csat', {
        type: 'bar',
        data: {labels: data.csatRatings, datasets: [{label: 'Ratings', data: data.csatCounts, backgroundColor: colors.accent}]},
        options: {maintainAspectRatio: false, plugins: {legend: {display: false}}, scales: {y: integerAxis}}
    });
    draw('chart-reasons', {
        type: 'bar',
        data: {labels: data.reasons, datasets: [{label: 'Escalations', data: data.reasonCounts, backgroundColor: colors.escalated}]},
        options: {indexAxis: 'y', maintainAspectRatio: false, plugins: {legend: {display: false}}, scales: {x: integerAxis}}
    });
    document.body.dataset.chartsReady = 'true';
})();
