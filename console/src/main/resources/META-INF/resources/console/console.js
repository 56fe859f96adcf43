// The staff web app: the supervisors' screens (role bureau, its region; auditor and admin too) here, the workbench
// of handling units and bureaus in work.js. Plain JavaScript over the console's gateway, charts by ECharts. No build
// step, no framework: each view is a function that asks the API and draws. Text goes in through textContent only
// (el()), never innerHTML, since names come from the directory.
'use strict';

const TEXT = {
  zh: {
    title: '政务服务“好差评”工作台', region: '区域', from: '自', to: '至', apply: '查询', signIn: '登录',
    signOut: '退出', signInHelp: '请通过单位统一身份认证登录，或粘贴访问令牌。',
    overview: '概览', drill: '下钻分析', rankings: '排名', tags: '差评分析', rectifications: '整改台账',
    appeals: '申诉复核', bulletins: '月度通报', all: '全部', scope: '范围', everywhere: '全部区域',
    ratings: '评价数', goodRate: '好评率', activeGoodRate: '主动评价好评率', satisfactionRate: '服务满意率',
    unratedRate: '未评价率', bad: '差评数', badRate: '差评率', coverage: '评价覆盖率', rectificationRate: '整改率',
    onTimeRate: '按时整改率', callbackRate: '实名差评回访率', appealsFiled: '申诉件数', appealsUpheld: '申诉成立',
    followUpSatisfactionRate: '整改满意率',
    trend: '月度趋势', byChannel: '分渠道评价', subRegions: '下级区域', institutions: '机构', windows: '窗口',
    staff: '工作人员', name: '名称', code: '编码', exportCsv: '导出 CSV', months: '月份', unit: '对象',
    rank: '名次', rawRate: '原始满意率', expectedRate: '预期满意率', index: '可比指数', interval: '95% 区间',
    fairRanking: '可比满意度排名（按区间下限）', warnings: '连续排名靠后预警', warnedNone: '本期无预警对象',
    lastN: '末 {0} 名，连续 {1} 个月', ranks: '各月名次', tooFew: '样本不足',
    minimumNote: '评价数少于 {0} 条的对象样本不足，列出但不参与排名',  tag: '问题标签', count: '次数', share: '占差评比',
    previous: '上期', change: '环比变化', topTags: '差评主要问题', summary: '各机构整改情况', open: '办理中',
    overdue: '已超期', closed: '已办结', withdrawn: '已撤销', badReviews: '差评', ledger: '整改台账',
    status: '状态', level: '评价等级', dueAt: '整改期限', rectification: '整改编号', institution: '机构',
    queue: '申诉队列', appeal: '申诉', caseNumber: '办件编号', filedAt: '提出时间', decisionDueAt: '复核期限',
    month: '月份', bulletin: '通报', errata: '勘误', none: '无', documents: '文件', more: '下一页',
    prev: '上一页', page: '第 {0} 页', noData: '暂无数据', loading: '加载中…', overdueOnly: '仅看超期',
    signedInAs: '{0} · {1}', clickToDrill: '点击行可继续下钻', ratingsAxis: '评价数', rateAxis: '比率',
    windowStaffNote: '窗口与工作人员分别统计（评价同时记录二者）', periodTrend: '该对象的月度趋势',
    failed: '操作未成功', signInIdp: '通过统一身份认证登录', signInIdpHelp: '使用本单位的统一身份认证账号登录工作台。',
    sessionEnded: '登录已过期，请重新登录。',
    calendarMissing: '尚未导入 {0} 年国务院办公厅节假日安排：涉及该年的工作日期限暂按周末推算（临时期限），导入后自动重新计算。'
      + '请运维人员通过受理服务 PUT /api/v1/calendar/{年份} 导入。',
  },
  en: {
    title: 'Government service ratings: staff workbench', region: 'Region', from: 'From', to: 'To',
    apply: 'Apply', signIn: 'Sign in', signOut: 'Sign out',
    signInHelp: 'Sign in through your identity provider, or paste an access token.',
    overview: 'Overview', drill: 'Drill-down', rankings: 'Rankings', tags: 'Bad-review tags',
    rectifications: 'Rectifications', appeals: 'Appeals', bulletins: 'Bulletins', all: 'All', scope: 'Scope',
    everywhere: 'all regions', ratings: 'Ratings', goodRate: 'Good-review rate',
    activeGoodRate: 'Active good-review rate', satisfactionRate: 'Satisfaction rate', unratedRate: 'Unrated rate',
    bad: 'Bad reviews', badRate: 'Bad-review rate', coverage: 'Coverage', rectificationRate: 'Rectification rate',
    onTimeRate: 'On-time rate', callbackRate: 'Callback rate', appealsFiled: 'Appeals filed',
    appealsUpheld: 'Appeals upheld', followUpSatisfactionRate: 'Satisfaction with rectification',
    trend: 'By month', byChannel: 'By channel', subRegions: 'Regions below',
    institutions: 'Institutions', windows: 'Windows', staff: 'Staff', name: 'Name', code: 'Code',
    exportCsv: 'Export CSV', months: 'Months', unit: 'Unit', rank: 'Rank', rawRate: 'Raw rate',
    expectedRate: 'Expected rate', index: 'Index', interval: '95% interval',
    fairRanking: 'Fair ranking (by the interval\'s lower bound)', warnings: 'Warnings: in the bottom for months running',
    warnedNone: 'Nobody to warn', lastN: 'bottom {0}, {1} months running', tooFew: 'Too few ratings',
    minimumNote: 'Units with fewer than {0} ratings are listed, not ranked', ranks: 'Ranks by month', tag: 'Tag',
    count: 'Count', share: 'Share of bad reviews', previous: 'Before', change: 'Change', topTags: 'Most used tags',
    summary: 'Rectifications per institution', open: 'Open', overdue: 'Overdue', closed: 'Closed',
    withdrawn: 'Withdrawn', badReviews: 'Bad reviews', ledger: 'Ledger', status: 'Status', level: 'Level',
    dueAt: 'Due', rectification: 'Rectification', institution: 'Institution', queue: 'Appeal queue',
    appeal: 'Appeal', caseNumber: 'Case', filedAt: 'Filed', decisionDueAt: 'Decision due', month: 'Month',
    bulletin: 'Bulletin', errata: 'Errata', none: 'none', documents: 'Documents', more: 'Next',
    prev: 'Previous', page: 'page {0}', noData: 'No data', loading: 'Loading…', overdueOnly: 'Overdue only',
    signedInAs: '{0} · {1}', clickToDrill: 'Click a row to drill down', ratingsAxis: 'Ratings', rateAxis: 'Rate',
    windowStaffNote: 'Windows and staff are counted side by side (a rating names both)',
    periodTrend: 'This unit by month',
    failed: 'That did not work', signInIdp: 'Sign in with your organisation\'s account',
    signInIdpHelp: 'Sign in to the workbench with your organisation\'s single sign-on account.', sessionEnded: 'Your session has ended: please sign in again.',
    calendarMissing: 'No official holiday calendar is loaded for {0}: working-day deadlines reaching into it are '
      + 'provisional (weekends only) and are re-dated once it is loaded with PUT /api/v1/calendar/<year> on intake.',
  },
};

// Statuses in words, [Chinese, English]: a rectification's steps (R2) and an appeal's (R3).
const RECTIFICATION_STATUSES = {
  OPEN: ['待办理', 'Open'], ASSIGNED: ['已指派', 'Assigned'], CLASSIFIED: ['已定性', 'Classified'],
  RESOLVED: ['已整改', 'Resolved'], VERIFIED: ['已核实', 'Verified'], CLOSED: ['已办结', 'Closed'],
  WITHDRAWN: ['已撤销', 'Withdrawn'],
};
const APPEAL_STATUSES = { OPEN: ['待复核', 'Awaiting decision'], UPHELD: ['申诉成立', 'Upheld'],
  REJECTED: ['申诉不成立', 'Rejected'] };

const CHANNELS = {
  WINDOW_DEVICE: ['窗口评价器', 'Window pad'], QR_CODE: ['二维码', 'QR code'], WEBSITE: ['政务服务网', 'Website'],
  MOBILE_APP: ['移动端应用', 'Mobile app'], MINI_PROGRAM: ['小程序/公众号', 'Mini program'],
  SELF_SERVICE_TERMINAL: ['自助终端', 'Kiosk'], HOTLINE_12345: ['12345热线', '12345 hotline'], SMS: ['短信', 'SMS'],
  PAPER_FORM: ['书面评价表', 'Paper form'], PHONE_CALLBACK: ['电话回访', 'Phone callback'],
  SUGGESTION_BOX: ['意见箱', 'Suggestion box'], LEADER_MAILBOX: ['领导信箱', 'Leader mailbox'],
  THIRD_PARTY_ASSESSMENT: ['第三方评估', 'Third-party assessment'], SYSTEM_DEFAULT: ['系统默认', 'System default'],
};

const KPIS = ['ratings', 'goodRate', 'satisfactionRate', 'activeGoodRate', 'unratedRate', 'bad', 'coverage',
  'rectificationRate', 'onTimeRate', 'callbackRate', 'followUpSatisfactionRate', 'appealsFiled', 'appealsUpheld'];

const state = {
  token: null, claims: {}, missingYears: [], lang: 'zh', region: '', from: '', to: '', view: 'overview', drill: [],
  rankUnit: 'institution', ledgerPage: 0, ledgerOverdue: false, appealPage: 0, appealStatus: '', charts: [],
  arg: null, names: {}, entries: {}, workingDays: [], today: null, expiry: [], flash: null,
};

// Which screens each role has; the services decide what each may do on them.
const NAV = {
  handler: ['tasks', 'myAppeals', 'notices'],
  bureau: ['overview', 'drill', 'rankings', 'tags', 'rectifications', 'appeals', 'flags', 'credit', 'bulletins'],
  auditor: ['overview', 'drill', 'rankings', 'tags', 'rectifications', 'appeals', 'flags', 'credit', 'bulletins'],
  admin: ['overview', 'drill', 'rankings', 'tags', 'rectifications', 'appeals', 'flags', 'credit', 'bulletins'],
};
const ROLE_WORDS = { handler: ['办理单位', 'Handling unit'], bureau: ['监管部门', 'Bureau'], auditor: ['审计', 'Auditor'],
  admin: ['管理员', 'Administrator'] };

// ---- small helpers ----

function t(key, ...args) {
  const s = (TEXT[state.lang][key] ?? key);
  return args.reduce((out, a, i) => out.replace('{' + i + '}', a), s);
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null || v === false) return;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  });
  children.flat(Infinity).forEach(c => node.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
  return node;
}

const pct = v => (v === null || v === undefined) ? '—' : (v * 100).toFixed(2) + '%';
const num = v => (v === null || v === undefined) ? '—' : Number(v).toLocaleString(state.lang === 'zh' ? 'zh-CN' : 'en');
const fmt = (key, v) => (key.endsWith('Rate') || key === 'coverage') ? pct(v) : num(v);
// Every time in Beijing time, whatever the browser's own zone: the API answers instants in UTC. A bare date stays
// as it is.
const BEIJING = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const day = iso => !iso ? '—' : iso.length <= 10 ? iso : BEIJING.format(new Date(iso));
const inWords = (table, code) => (table[code] || [code, code])[state.lang === 'zh' ? 0 : 1];
const channelName = c => inWords(CHANNELS, c);
const unitName = g => g.name ? g.name + ' ' + g.key : g.key;

function lastDay(month) {
  const [y, m] = month.split('-').map(Number);
  return month + '-' + String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0');
}

function period() {
  return { from: state.from + '-01', to: lastDay(state.to) };
}

function claimsOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), c => c.charCodeAt(0))));
  } catch (e) {
    return {};
  }
}

// ---- the API ----

class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || ('HTTP ' + status));
    this.status = status;
    this.body = body;
  }
}

// One request to the console's API: a GET, or with post = { body, type } a POST. A 401 ends the session; any other
// refusal is thrown as a Problem with the service's problem+json. accept: the raw response of that type (CSV, files).
async function call(path, params, accept, post) {
  const query = new URLSearchParams();
  Object.entries(params || {}).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') query.set(k, v); });
  const url = path + (query.toString() ? '?' + query : '');
  const headers = { Authorization: 'Bearer ' + state.token, Accept: accept || 'application/json',
    'Accept-Language': state.lang === 'zh' ? 'zh-CN' : 'en' };
  if (post) headers['Content-Type'] = post.type;
  const response = await fetch(url, { method: post ? 'POST' : 'GET', headers, body: post ? post.body : undefined });
  if (response.status === 401) {
    signOut(t('sessionEnded'));
    throw new Problem(401, { title: t('sessionEnded') });
  }
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch (e) { /* not a problem+json body */ }
    throw new Problem(response.status, body);
  }
  if (accept) return response;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

const api = (path, params) => call(path, params);

async function download(path, params, fileName) {
  const response = await call(path, params, 'text/csv');
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
}

function showProblem(error) {
  const box = document.getElementById('problem');
  if (!error) { box.hidden = true; return; }
  // The title and each field's message come in the reader's language (Accept-Language); the detail is the
  // operators' English, so it is left out.
  if (!(error instanceof Problem) && error.message) {
    // a fault of this page, not an answer of a service: said as it is, and kept for the browser's console
    console.error(error);
  }
  const body = error.body || {};
  const where = (body.errors || []).map(e => e.message).join('；');
  box.textContent = (body.title || t('failed')) + (where ? '：' + where : '')
    + (!(error instanceof Problem) && error.message ? ' (' + error.message + ')' : '');
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

// ---- drawing blocks ----

// ECharts puts a tooltip formatter's answer into the page as HTML. Every formatter here returns plain text (lines
// joined by \n); this escapes it, so a name from the directory such as <img onerror=…> stays text.
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, ch => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]);
}

function textTooltip(tooltip) {
  if (!tooltip || typeof tooltip.formatter !== 'function') return tooltip;
  const asText = tooltip.formatter;
  return Object.assign({}, tooltip, { formatter: p => escapeHtml(asText(p)).replace(/\n/g, '<br>') });
}

function chart(node, option) {
  const series = option.series || [];
  if (series.every(x => !(x.data || []).some(v => v !== null && v !== undefined && (v.value ?? v) !== 0))) {
    // Nothing to draw: say so, rather than blank axes.
    node.classList.add('chart-empty');
    node.style.height = 'auto';
    node.replaceChildren(el('p', { class: 'empty' }, t('noData')));
    return { on: () => {}, dispose: () => {}, resize: () => {} };
  }
  option = Object.assign({}, option, { tooltip: textTooltip(option.tooltip) });
  const c = echarts.init(node, null, { renderer: 'canvas' });
  c.setOption(Object.assign({ animation: false, textStyle: { fontFamily: getComputedStyle(document.body).fontFamily } },
    option));
  state.charts.push(c);
  return c;
}

function card(title, tools, ...body) {
  return el('div', { class: 'card' }, el('h2', {}, title, tools ? el('span', { class: 'tools' }, tools) : ''), body);
}

function table(id, columns, rows, onRow) {
  if (!rows.length) return el('p', { class: 'empty', id }, t('noData'));
  // a column header is always text, so a screen reader can name each cell
  return el('div', { class: 'scroll' }, el('table', { id },
    el('thead', {}, el('tr', {}, columns.map(c => el('th', { class: c.n ? 'n' : null }, c.label)))),
    el('tbody', {}, rows.map(r => el('tr', { class: onRow ? 'clickable' : null,
      onclick: onRow ? e => { if (!e.target.closest('a, button')) onRow(r); } : null },
      columns.map(c => el('td', { class: c.n ? 'n' : null }, c.value(r))))))));
}

function kpis(figures) {
  return el('div', { class: 'kpis', id: 'kpis' }, KPIS.map(k =>
    el('div', { class: 'kpi' }, el('div', { class: 'v' }, fmt(k, figures[k])), el('div', { class: 'l' }, t(k)))));
}

const FIGURE_COLUMNS = [
  { key: 'ratings' }, { key: 'goodRate' }, { key: 'satisfactionRate' }, { key: 'bad' },
  { key: 'badRate' }, { key: 'onTimeRate' }];

function groupColumns(nameLabel) {
  return [{ label: nameLabel, value: unitName }].concat(FIGURE_COLUMNS.map(c =>
    ({ label: t(c.key), n: true, value: g => fmt(c.key, g.figures[c.key]) })));
}

function exportButton(params, fileName) {
  return el('button', { type: 'button', class: 'export', onclick: () =>
    download('/api/v1/stats/figures', params, fileName).catch(showProblem) }, t('exportCsv'));
}

function trendChart(node, groups) {
  chart(node, {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('ratings'), t('goodRate'), t('satisfactionRate')] },
    grid: { left: 56, right: 56, bottom: 32, top: 40 },
    xAxis: { type: 'category', data: groups.map(g => g.key.length === 10 && g.key.endsWith('-01') ? g.key.slice(0, 7) : g.key) },
    yAxis: [{ type: 'value', name: t('ratingsAxis') },
      { type: 'value', name: t('rateAxis'), min: 0, max: 1, axisLabel: { formatter: v => (v * 100) + '%' } }],
    series: [
      { name: t('ratings'), type: 'bar', data: groups.map(g => g.figures.ratings), itemStyle: { color: '#cbd5e1' } },
      { name: t('goodRate'), type: 'line', yAxisIndex: 1, data: groups.map(g => g.figures.goodRate) },
      { name: t('satisfactionRate'), type: 'line', yAxisIndex: 1, data: groups.map(g => g.figures.satisfactionRate) },
    ],
  });
}

function barChart(node, groups, key, onClick) {
  const c = chart(node, {
    tooltip: { trigger: 'axis', valueFormatter: v => fmt(key, v) },
    grid: { left: 150, right: 24, bottom: 24, top: 16 },
    // A rate's axis starts near the smallest value: from 0 every district would look the same at 96 %.
    xAxis: { type: 'value', scale: key.endsWith('Rate'), axisLabel: { formatter: v => key.endsWith('Rate')
      ? (v * 100).toFixed(1) + '%' : v } },
    yAxis: { type: 'category', inverse: true, data: groups.map(g => g.name || g.key) },
    series: [{ type: 'bar', data: groups.map(g => g.figures[key]), itemStyle: { color: '#b91c1c' } }],
  });
  if (onClick) c.on('click', e => onClick(groups[e.dataIndex]));
}

// ---- the views ----

async function overview(view) {
  const scope = Object.assign({ region: state.region }, period());
  // Below a county come its institutions; above it, the regions one level down.
  const county = state.region.length >= 6;
  const [total, months, channels, below] = await Promise.all([
    api('/api/v1/stats/figures', scope),
    api('/api/v1/stats/figures', Object.assign({ by: 'month' }, scope)),
    api('/api/v1/stats/figures', Object.assign({ by: 'channel' }, scope)),
    api('/api/v1/stats/figures', Object.assign({ by: county ? 'institution' : 'region' }, scope)),
  ]);
  const trend = el('div', { class: 'chart', id: 'trend-chart' });
  const pie = el('div', { class: 'chart', id: 'channel-chart' });
  const bars = el('div', { class: 'chart', id: 'below-chart' });
  view.append(kpis(total.figures), el('div', { class: 'grid' },
    card(t('trend'), exportButton(Object.assign({ by: 'month' }, scope), 'figures-by-month.csv'), trend),
    card(t('byChannel'), null, pie)),
  card(t(county ? 'institutions' : 'subRegions') + ' · ' + t('goodRate'),
    el('span', { class: 'muted' }, t('clickToDrill')), bars));
  trendChart(trend, months.groups);
  chart(pie, {
    tooltip: { trigger: 'item' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
      data: channels.groups.map(g => ({ name: channelName(g.key), value: g.figures.ratings })) }],
  });
  bars.style.height = Math.max(200, 28 * below.groups.length + 40) + 'px';
  barChart(bars, below.groups, 'goodRate', g => {
    const top = { level: 'region', code: state.region, name: null };
    state.drill = county ? [top, { level: 'institution', code: g.key, name: g.name }]
      : [top, { level: 'region', code: g.key, name: g.name }];
    go('drill');
  });
}

async function drill(view) {
  const path = state.drill.length ? state.drill : [{ level: 'region', code: state.region, name: null }];
  const here = path[path.length - 1];
  const crumbs = el('div', { class: 'crumbs', id: 'crumbs' }, path.map((p, i) => [
    i ? el('span', { class: 'sep' }, '›') : '',
    el('button', { type: 'button', onclick: () => { state.drill = path.slice(0, i + 1); go('drill'); } },
      p.name || (p.code ? regionName(p.code) : t('everywhere')))]));
  view.append(crumbs);
  const base = period();
  const deeper = (level, g, extra) => { state.drill = path.concat([Object.assign({ level, code: g.key, name: g.name },
    extra)]); go('drill'); };
  if (here.level === 'region') {
    const county = (here.code || '').length >= 6;
    const params = Object.assign({ region: here.code, by: county ? 'institution' : 'region' }, base);
    const answer = await api('/api/v1/stats/figures', params);
    const bars = el('div', { class: 'chart' });
    view.append(kpis(answer.figures), card(county ? t('institutions') : t('subRegions'),
      [el('span', { class: 'muted' }, t('clickToDrill')), exportButton(params, 'figures.csv')],
      bars, table('drill-table', groupColumns(t('name')), answer.groups,
        g => deeper(county ? 'institution' : 'region', g))));
    bars.style.height = Math.max(200, 28 * answer.groups.length + 40) + 'px';
    barChart(bars, answer.groups, 'goodRate', g => deeper(county ? 'institution' : 'region', g));
  } else if (here.level === 'institution') {
    const params = by => Object.assign({ institution: here.code, by }, base);
    const [total, windows, staff] = await Promise.all([api('/api/v1/stats/figures', params(undefined)),
      api('/api/v1/stats/figures', params('window')), api('/api/v1/stats/figures', params('staff'))]);
    view.append(kpis(total.figures), el('p', { class: 'muted' }, t('windowStaffNote')), el('div', { class: 'grid' },
      card(t('windows'), exportButton(params('window'), 'figures-windows.csv'),
        table('window-table', groupColumns(t('windows')), windows.groups,
          g => deeper('window', g, { institution: here.code }))),
      card(t('staff'), exportButton(params('staff'), 'figures-staff.csv'),
        table('staff-table', groupColumns(t('staff')), staff.groups,
          g => deeper('staff', g, { institution: here.code })))));
  } else {
    const params = Object.assign({ institution: here.institution, [here.level]: here.code, by: 'month' }, base);
    const answer = await api('/api/v1/stats/figures', params);
    const trend = el('div', { class: 'chart', id: 'unit-trend' });
    view.append(kpis(answer.figures), card(t('periodTrend'), exportButton(params, 'figures-' + here.code + '.csv'),
      trend));
    trendChart(trend, answer.groups);
  }
}

async function rankings(view) {
  const params = Object.assign({ unit: state.rankUnit, region: state.region }, period());
  const [ranked, warned] = await Promise.all([api('/api/v1/stats/rankings', params),
    api('/api/v1/stats/warnings', { unit: state.rankUnit, region: state.region, month: state.to })]);
  const units = ranked.units;
  const choose = el('select', { id: 'rank-unit', onchange: e => { state.rankUnit = e.target.value; go('rankings'); } },
    ['institution', 'window', 'staff'].map(u => el('option', { value: u, selected: u === state.rankUnit },
      t(u === 'institution' ? 'institutions' : u === 'window' ? 'windows' : 'staff'))));
  const intervals = el('div', { class: 'chart', id: 'ranking-chart' });
  intervals.style.height = Math.max(200, 26 * Math.min(units.length, 30) + 50) + 'px';
  view.append(card(t('fairRanking'), el('label', {}, el('span', { class: 'sr-only' }, t('unit')), choose),
    el('p', { class: 'muted', id: 'ranking-minimum' }, t('minimumNote', ranked.minimumRatings)), intervals,
    table('ranking-table', [
    { label: t('rank'), n: true, value: r => r.rank > 0 ? r.rank : t('tooFew') }, { label: t('unit'), value: r => unitName({ key: r.unit, name: r.name }) },
    { label: t('ratings'), n: true, value: r => num(r.ratings) }, { label: t('rawRate'), n: true, value: r => pct(r.rawRate) },
    { label: t('expectedRate'), n: true, value: r => pct(r.expectedRate) },
    { label: t('index'), n: true, value: r => r.index.toFixed(3) },
    { label: t('interval'), n: true, value: r => r.lower.toFixed(3) + ' – ' + r.upper.toFixed(3) }], units)));
  // Only the ranked are drawn: a unit with too few ratings (rank 0) has no place in the order.
  const shown = units.filter(r => r.rank > 0).slice(0, 30);
  // An interval as a bar: an invisible bar up to the lower bound, the visible part from lower to upper.
  chart(intervals, {
    tooltip: { trigger: 'axis', formatter: ps => { const r = shown[ps[0].dataIndex];
      return (r.name || r.unit) + '\n' + t('index') + ' ' + r.index.toFixed(3) + ' [' + r.lower.toFixed(3) + ', '
        + r.upper.toFixed(3) + ']\n' + t('ratings') + ' ' + r.ratings; } },
    grid: { left: 160, right: 24, bottom: 24, top: 16 },
    xAxis: { type: 'value', scale: true },
    yAxis: { type: 'category', inverse: true, data: shown.map(r => r.rank + '. ' + (r.name || r.unit)) },
    series: [
      { type: 'bar', stack: 'i', data: shown.map(r => r.lower), itemStyle: { color: 'transparent' } },
      { type: 'bar', stack: 'i', data: shown.map(r => r.upper - r.lower), itemStyle: { color: '#fca5a5' } },
      { type: 'scatter', data: shown.map(r => r.index), itemStyle: { color: '#7f1d1d' }, symbolSize: 8 },
    ],
  });
  const w = warned.warnings;
  view.append(card(t('warnings'), el('span', { class: 'muted' }, t('lastN', w.bottomN, w.consecutiveMonths)),
    w.warned.length ? table('warning-table', [{ label: t('unit'),
      value: x => unitName({ key: x.unit, name: (units.find(u => u.unit === x.unit) || {}).name }) },
      { label: t('ranks'), value: x => x.ranks.map((r, i) => r + '/' + x.of[i]).join(', ') }], w.warned)
      : el('p', { class: 'empty', id: 'warning-table' }, t('warnedNone'))));
}

async function tags(view) {
  const answer = await api('/api/v1/stats/tags', Object.assign({ region: state.region, limit: 15 }, period()));
  const bars = el('div', { class: 'chart', id: 'tag-chart' });
  view.append(card(t('topTags') + ' · ' + t('bad') + ' ' + num(answer.badReviews), null, bars,
    table('tag-table', [{ label: t('tag'), value: x => (x.name || x.tag) + ' ' + x.tag },
      { label: t('count'), n: true, value: x => num(x.count) }, { label: t('share'), n: true, value: x => pct(x.share) },
      { label: t('previous'), n: true, value: x => num(x.previousCount) },
      { label: t('change'), n: true, value: x => (x.change > 0 ? '+' : '') + x.change }], answer.tags)));
  chart(bars, {
    tooltip: { trigger: 'axis' }, legend: { data: [t('count'), t('previous')] },
    grid: { left: 140, right: 24, bottom: 24, top: 32 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', inverse: true, data: answer.tags.map(x => x.name || x.tag) },
    series: [{ name: t('count'), type: 'bar', data: answer.tags.map(x => x.count), itemStyle: { color: '#b91c1c' } },
      { name: t('previous'), type: 'bar', data: answer.tags.map(x => x.previousCount), itemStyle: { color: '#cbd5e1' } }],
  });
}

function pager(page, more, move) {
  return el('div', { class: 'pager' },
    el('button', { type: 'button', disabled: page === 0, onclick: () => move(page - 1) }, t('prev')),
    el('span', {}, t('page', page + 1)),
    el('button', { type: 'button', disabled: !more, onclick: () => move(page + 1) }, t('more')));
}

async function rectifications(view) {
  const filter = { region: state.region, overdue: state.ledgerOverdue ? 'true' : null };
  const [summary, ledger] = await Promise.all([api('/api/v1/console/rectifications/summary', { region: state.region }),
    api('/api/v1/console/rectifications', Object.assign({ page: state.ledgerPage, size: 20 }, filter))]);
  view.append(card(t('summary'), null, table('summary-table', [
    { label: t('institution'), value: s => nameOf('INSTITUTION', s.institutionCode) },
    { label: t('open'), n: true, value: s => num(s.open) },
    { label: t('overdue'), n: true, value: s => num(s.overdue) }, { label: t('closed'), n: true, value: s => num(s.closed) },
    { label: t('onTimeRate'), n: true, value: s => pct(s.onTimeRate) },
    { label: t('withdrawn'), n: true, value: s => num(s.withdrawn) },
    { label: t('badReviews'), n: true, value: s => num(s.badReviews) }], summary)));
  const overdueOnly = el('label', {}, el('input', { type: 'checkbox', id: 'ledger-overdue', checked: state.ledgerOverdue,
    onchange: e => { state.ledgerOverdue = e.target.checked; state.ledgerPage = 0; go('rectifications'); } }),
  ' ' + t('overdueOnly'));
  const exportLedger = el('button', { type: 'button', class: 'export', onclick: () =>
    download('/api/v1/console/rectifications/export', filter, 'rectifications.csv').catch(showProblem) },
  t('exportCsv'));
  view.append(card(t('ledger'), [overdueOnly, exportLedger], table('ledger-table', ledgerColumns(), ledger.items,
    r => go('rectification', r.rectificationId)),
  pager(ledger.page, ledger.more, p => { state.ledgerPage = p; go('rectifications'); })));
}

async function appeals(view) {
  const size = 20;
  const answer = await api('/api/v1/console/appeals', { region: state.region, status: state.appealStatus,
    page: state.appealPage, size });
  const choose = el('select', { id: 'appeal-status', onchange: e => { state.appealStatus = e.target.value;
    state.appealPage = 0; go('appeals'); } }, ['', 'OPEN', 'UPHELD', 'REJECTED'].map(s =>
    el('option', { value: s, selected: s === state.appealStatus }, s ? inWords(APPEAL_STATUSES, s) : t('all'))));
  view.append(card(t('queue'), el('label', {}, el('span', { class: 'sr-only' }, t('status')), choose),
    table('appeal-table', appealColumns(), answer.items, a => go('appeal', a.ratingId)), pager(state.appealPage, answer.items.length === size, p => { state.appealPage = p; go('appeals'); })));
}

async function bulletins(view) {
  const list = await api('/api/v1/bulletins', { month: state.bulletinMonth, region: state.region });
  const withErrata = await Promise.all(list.slice(0, 60).map(b =>
    api('/api/v1/bulletins/' + b.bulletinId).then(x => Object.assign({ errata: x.errata.length }, b))));
  const base = b => '/api/v1/bulletins/' + b.bulletinId + '/bulletin.';
  const months = el('select', { id: 'bulletin-month', onchange: e => { state.bulletinMonth = e.target.value;
    go('bulletins'); } });
  monthOptions(months, state.bulletinMonth);
  months.firstChild.remove(); // this month has not ended: no bulletin yet
  view.append(card(t('bulletins'), el('label', {}, t('bulletinMonth') + ' ', months), table('bulletin-table', [
    { label: t('bulletin'), value: b => b.scopeName || nameOf(b.scope === 'REGION' ? 'REGION' : 'INSTITUTION',
      b.scopeCode) },
    { label: t('scope'), value: b => t(b.scope === 'REGION' ? 'scopeRegion' : 'scopeInstitution') },
    { label: t('errata'), value: b => el('span', { class: 'badge' + (b.errata ? ' warn' : ' ok') },
      b.errata ? String(b.errata) : t('none')) },
    { label: t('documents'), value: b => ['html', 'pdf', 'csv', 'json'].map(f =>
      [el('a', { href: base(b) + f, target: '_blank', rel: 'noopener' }, f.toUpperCase()), ' ']) }], withErrata)));
  if (role() === 'bureau') {
    view.append(el('div', { class: 'grid forms' }, publishForm()));
  }
}

// The screens by name; work.js's are added once it has loaded (start() runs after every script).
const VIEWS = { overview, drill, rankings, tags, rectifications, appeals, bulletins };

function regionName(prefix) {
  const exact = state.names.REGION && (state.names.REGION[prefix] || state.names.REGION[prefix.padEnd(6, '0')]);
  return exact || prefix;
}

// ---- wiring ----

function translate() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
  document.getElementById('lang').textContent = state.lang === 'zh' ? 'EN' : '中文';
  const c = state.claims;
  const who = (c.groups || []).find(g => ROLE_WORDS[g]);
  const where = !c.hcp_scope ? t('everywhere') : who === 'handler' ? nameOf('INSTITUTION', c.hcp_scope)
    : regionName(c.hcp_scope);
  document.getElementById('scope').textContent = state.token && who ? t('signedInAs', inWords(ROLE_WORDS, who), where)
    : '';
  const banner = document.getElementById('calendar-warning');
  banner.hidden = !state.token || state.missingYears.length === 0;
  banner.textContent = banner.hidden ? '' : t('calendarMissing', state.missingYears.join('、'));
}

// docs/rules.md: while a year's official calendar is missing, deadlines are provisional; the supervisor is told.
async function checkCalendar() {
  try {
    const calendar = await api('/api/v1/console/calendar');
    state.missingYears = calendar.missingYears || [];
    state.workingDays = calendar.workingDays || [];
    state.today = calendar.today;
  } catch (error) {
    state.missingYears = [];
  }
  translate();
}

async function go(name, arg) {
  const allowed = NAV[role()] || [];
  const detail = ['rectification', 'appeal', 'flag'].includes(name) && arg;
  state.view = VIEWS[name] && (allowed.includes(name) || detail) ? name : allowed[0];
  state.arg = detail ? arg : null;
  document.body.dataset.ready = '';
  const hash = '#' + state.view + (state.arg ? '/' + encodeURIComponent(state.arg) : '');
  if (location.hash !== hash) history.pushState(null, '', hash);
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.view === state.view));
  document.getElementById('filters').hidden = !['overview', 'drill', 'rankings', 'tags', 'rectifications', 'appeals',
    'flags', 'credit', 'bulletins'].includes(state.view);
  state.charts.forEach(c => c.dispose());
  state.charts = [];
  const target = document.getElementById('view');
  const loading = el('p', { class: 'muted' }, t('loading'));
  // In the page before anything is drawn: ECharts sizes a chart by its node, which a detached node does not have.
  const view = el('div', { id: 'view-' + state.view });
  target.replaceChildren(loading, view);
  showProblem(null);
  try {
    await VIEWS[state.view](view, state.arg);
    loading.remove();
    if (state.flash) {
      view.prepend(el('p', { class: 'flash', role: 'status', id: 'flash' }, state.flash));
      state.flash = null;
    }
    updateCounts();
    // ECharts paints on the next animation frames: "ready" once they have passed, so a screenshot shows the charts.
    await new Promise(painted => requestAnimationFrame(() => requestAnimationFrame(painted)));
    document.body.dataset.ready = state.view;
  } catch (error) {
    target.replaceChildren();
    showProblem(error);
    document.body.dataset.ready = 'problem';
  }
}

async function signIn(token) {
  document.body.dataset.ready = '';
  state.token = token.trim();
  state.claims = claimsOf(state.token);
  if (!state.claims.exp || state.claims.exp * 1000 <= Date.now() || !role()) {
    signOut(t(state.claims.exp ? 'sessionEnded' : 'signInHelp'));
    return;
  }
  sessionStorage.setItem('hcp-console-token', state.token);
  if (!state.region && state.claims.hcp_scope && role() === 'bureau') state.region = state.claims.hcp_scope;
  document.getElementById('region').value = state.region;
  document.getElementById('signin').hidden = true;
  document.querySelectorAll('nav a').forEach(a => { a.hidden = !(NAV[role()] || []).includes(a.dataset.view); });
  ['nav', 'signout'].forEach(id => { document.getElementById(id).hidden = false; });
  watchExpiry();
  await Promise.all([loadNames(), checkCalendar()]);
  translate();
  const [view, arg] = parseHash();
  go(view || (NAV[role()] || [])[0], arg);
}

function parseHash() {
  const [view, arg] = location.hash.slice(1).split('/');
  return [view, arg ? decodeURIComponent(arg) : null];
}

// The session ends when the token does (12 hours): ten minutes before, the page says so, so nobody loses a form.
function watchExpiry() {
  state.expiry.forEach(clearTimeout);
  const ends = state.claims.exp * 1000;
  const banner = document.getElementById('session-warning');
  const warn = () => {
    banner.replaceChildren(t('sessionEnding', BEIJING.format(new Date(ends)).slice(11)), ' ',
      el('button', { type: 'button', onclick: () => signOut() }, t('signInAgain')));
    banner.hidden = false;
  };
  banner.hidden = true;
  state.expiry = [setTimeout(warn, Math.max(0, ends - Date.now() - 10 * 60 * 1000)),
    setTimeout(() => signOut(t('sessionEnded')), Math.max(0, ends - Date.now()))];
}

function signOut(why) {
  state.token = null;
  state.claims = {};
  state.expiry.forEach(clearTimeout);
  sessionStorage.removeItem('hcp-console-token');
  ['filters', 'nav', 'signout', 'session-warning'].forEach(id => { document.getElementById(id).hidden = true; });
  document.getElementById('view').replaceChildren();
  document.getElementById('signin').hidden = false;
  showProblem(why ? { body: { title: why } } : null);
  translate();
  devPeople();
  document.body.dataset.ready = 'signin';
}

// Under ./hcp up the console offers the demo's people (DevSignIn); in production this answers 404 and only the
// identity provider's sign-in remains.
async function devPeople() {
  const list = document.getElementById('dev-people');
  // The identity provider's sign-in (SignInResource), when the operator has configured one: then no token is pasted.
  try {
    const options = await (await fetch('/api/v1/console/sign-in-options')).json();
    document.getElementById('idp').hidden = !options.identityProvider;
    document.getElementById('paste').hidden = options.identityProvider;
  } catch (e) {
    document.getElementById('idp').hidden = true;
  }
  let people;
  try {
    const response = await fetch('/api/v1/console/dev-sign-in', { headers: { Accept: 'application/json' } });
    if (!response.ok) { list.hidden = true; return; }
    people = await response.json();
  } catch (e) {
    list.hidden = true;
    return;
  }
  const choose = async person => {
    const response = await fetch('/api/v1/console/dev-sign-in', { method: 'POST', headers: {
      'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ role: person.role, scope: person.scope }) });
    if (response.ok) signIn((await response.json()).token);
    else showProblem(new Problem(response.status, await response.json().catch(() => null)));
  };
  const group = (title, members) => members.length ? el('div', { class: 'people' }, el('h3', {}, title),
    el('div', { class: 'choices' }, members.map(p => el('button', { type: 'button', class: 'person',
      'data-role': p.role, 'data-scope': p.scope || '', onclick: () => choose(p) }, p.name || inWords(ROLE_WORDS, p.role))))) : '';
  list.replaceChildren(el('h2', {}, t('signInAs')), el('p', { class: 'muted' }, t('signInDev')),
    group(t('handlers'), people.filter(p => p.role === 'handler')),
    group(t('bureaus'), people.filter(p => p.role === 'bureau')),
    group(t('auditor') + ' / ' + t('admin'), people.filter(p => !p.scope)));
  list.hidden = false;
}

// One month for each of the last three years: a select works in every browser (<input type=month> does not in
// desktop Firefox).
function monthOptions(select, chosen) {
  const now = new Date();
  const months = [];
  for (let i = 0; i < 36; i++) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    months.push(d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0'));
  }
  select.replaceChildren(...months.map(m => el('option', { value: m, selected: m === chosen }, m)));
}

function start() {
  const asked = new URLSearchParams(location.search);
  state.lang = asked.get('lang') === 'en' || (!asked.get('lang') && localStorage.getItem('hcp-console-lang') === 'en')
    ? 'en' : 'zh';
  const now = new Date();
  const month = d => d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
  // This month, so that today's work shows; bulletins are of a month that has ended, chosen on their screen.
  state.to = asked.get('to') || month(now);
  state.bulletinMonth = asked.get('bulletin') || month(new Date(now.getFullYear(), now.getMonth() - 1, 1));
  state.from = asked.get('from') || month(new Date(now.getFullYear(), now.getMonth() - 11, 1));
  state.region = asked.get('region') || '';
  monthOptions(document.getElementById('from'), state.from);
  monthOptions(document.getElementById('to'), state.to);
  // A token handed over in the fragment (./hcp console) never reaches a server log; it moves to this tab's storage.
  let token = sessionStorage.getItem('hcp-console-token');
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.get('token')) {
    token = fragment.get('token');
    history.replaceState(null, '', location.pathname + location.search + '#' + (fragment.get('view') || ''));
  }
  document.getElementById('filters').addEventListener('submit', e => {
    e.preventDefault();
    state.region = document.getElementById('region').value.trim();
    state.from = document.getElementById('from').value;
    state.to = document.getElementById('to').value;
    state.drill = [];
    go(state.view, state.arg);
  });
  document.getElementById('signin-form').addEventListener('submit', e => {
    e.preventDefault();
    signIn(document.getElementById('token').value);
  });
  document.getElementById('signout').addEventListener('click', () => signOut());
  document.getElementById('lang').addEventListener('click', async () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('hcp-console-lang', state.lang);
    translate();
    if (state.token) {
      document.body.dataset.ready = ''; // the tag names are read again in this language first
      await loadNames();
      go(state.view, state.arg);
    } else {
      devPeople();
    }
  });
  document.querySelectorAll('nav a').forEach(a => a.addEventListener('click', e => {
    e.preventDefault();
    if (a.dataset.view === 'drill') state.drill = [];
    go(a.dataset.view);
  }));
  // Links to a rectification, an appeal or a flag, and the browser's back button.
  window.addEventListener('hashchange', () => {
    if (!state.token) return;
    const [view, arg] = parseHash();
    if (view !== state.view || arg !== state.arg) go(view, arg);
  });
  window.addEventListener('resize', () => state.charts.forEach(c => c.resize()));
  translate();
  if (token) signIn(token); else signOut();
}

// After every deferred script (work.js too) has run.
document.addEventListener('DOMContentLoaded', start);
