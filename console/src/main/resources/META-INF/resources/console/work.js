// The workbench: a handling unit's rectifications and appeals (role handler, its institution) and a bureau's acts on
// them (role bureau, its region): each page reads through the console's gateway and each form posts one step to the
// service that owns it, which decides whether it may be taken (R2, R3, R6). Loaded after console.js, whose helpers
// (el, t, api, card, table, day, inWords, go, state) it uses; it adds its texts and views to console.js's tables.
'use strict';

Object.assign(TEXT.zh, {
  tasks: '待办整改', myAppeals: '申诉', notices: '复核通知', flags: '诚信核查', signInAs: '选择登录身份（开发环境）',
  signInDev: '本机开发环境：选择一位演示人员登录。生产环境通过单位统一身份认证登录。', handlers: '办理单位',
  bureaus: '监管部门', auditor: '审计人员', admin: '系统管理员', pasteToken: '或粘贴访问令牌',
  noTasks: '暂无待办整改', noAppeals: '暂无申诉', noNotices: '暂无复核通知', noFlags: '暂无待核查线索',
  item: '事项', nextStep: '下一步', deadline: '期限', countdownLeft: '剩 {0} 个工作日', dueToday: '今日 {0} 到期',
  overdueBy: '已超期 {0} 个工作日', overdueToday: '已超期', calendarDays: '剩 {0} 天', provisional: '（临时期限）',
  step_assign: '指定责任人', step_callback: '回访评价人', step_classify: '核实定性', step_resolve: '整改落实',
  step_feedback: '反馈评价人', step_verify: '监管核实', step_interview: '约谈', step_close: '办结',
  step_none: '无', responsiblePerson: '责任人', note: '说明', result: '结果', reached: '已联系上',
  notReached: '未联系上', classification: '定性', reason: '理由', dueAtComplex: '整改期限（复杂问题）',
  measures: '整改措施', resolution: '处理结果', means: '反馈方式', summaryText: '反馈内容', confirmed: '整改属实',
  phoneCallback: '已电话回访', resurveyLevel: '回访评价等级', interviewee: '约谈对象', submit: '提交', close: '办结',
  contact: '评价人联系方式', contactMasked: '姓名 ＊＊＊ · 手机 ＊＊＊＊＊＊＊＊＊＊＊',
  revealContact: '查看联系方式（用于回访，查看将被记录）', contactRecorded: '本次查看已记录（用途：回访）',
  anonymous: '匿名评价，无需回访', realName: '实名评价', history: '办理记录', ratedAt: '评价时间',
  openedAt: '转办时间', channel: '评价渠道', window: '窗口', fileAppeal: '提出申诉', appealWindow: '申诉期限',
  appellant: '申诉主体', grounds: '申诉理由', evidence: '证明材料', evidenceHelp: 'PDF、JPG 或 PNG，每个不超过 5 MB',
  appealClosed: '申诉期已过', appealExists: '已提出申诉', openAppeal: '查看申诉', verifications: '核实记录',
  method: '核实方式', finding: '核实情况', verify: '记录核实', decide: '作出复核决定', outcome: '复核结论',
  malicious: '属恶意评价', addEvidence: '补充材料', download: '下载', decidedAt: '决定时间', review: '核查结论',
  ratingsFlagged: '涉及评价', pending: '待核查', distinct: '评价人数', rule: '线索类型', subject: '对象',
  flagDay: '日期', secondsAfter: '办结后秒数', publish: '发布月度通报', publishScope: '通报范围',
  published: '已发布 {0} 份通报', publishedNone: '通报已发布过，内容未变', back: '返回',
  sessionEnding: '登录将于 {0} 过期：请保存正在填写的内容后重新登录。', signInAgain: '重新登录',
  sessionEnded: '登录已过期，请重新登录。', done: '已保存', level: '评价等级', tagsLabel: '差评问题',
  issuedAt: '通知时间', decision: '决定', addressee: '送达', caseTitle: '办件 {0}', appealTitle: '申诉 · 办件 {0}',
  flagTitle: '诚信核查线索', scopeRegion: '区域', scopeInstitution: '机构', codeLabel: '对象', by: '经办',
  choose: '请选择', details: '基本情况', bulletinMonth: '通报月份', credit: '信用记录',
  creditHelp: '恶意评价经复核认定后记入（仅记评价人化名，不含身份信息）', evaluator: '评价人（化名）',
  creditWithdrawn: '已撤销', creditStanding: '有效', noCredit: '暂无信用记录（本辖区政策未要求记录时亦为空）',
});
Object.assign(TEXT.en, {
  tasks: 'My rectifications', myAppeals: 'Appeals', notices: 'Notices', flags: 'Integrity flags',
  signInAs: 'Sign in as (development)',
  signInDev: 'Development machine: choose a demo person. Production signs in through your identity provider.',
  handlers: 'Handling units', bureaus: 'Bureaus', auditor: 'Auditor', admin: 'Administrator',
  pasteToken: 'or paste an access token', noTasks: 'Nothing to do', noAppeals: 'No appeals',
  noNotices: 'No notices', noFlags: 'No flags to review', item: 'Item', nextStep: 'Next step', deadline: 'Deadline',
  countdownLeft: '{0} working days left', dueToday: 'due today {0}', overdueBy: '{0} working days overdue',
  overdueToday: 'overdue', calendarDays: '{0} days left', provisional: ' (provisional)',
  step_assign: 'Name the person responsible', step_callback: 'Call the evaluator back', step_classify: 'Classify',
  step_resolve: 'Rectify', step_feedback: 'Tell the evaluator', step_verify: 'Verify', step_interview: 'Interview',
  step_close: 'Close', step_none: 'None', responsiblePerson: 'Person responsible', note: 'Note', result: 'Result',
  reached: 'Reached', notReached: 'Not reached', classification: 'Classification', reason: 'Reason',
  dueAtComplex: 'Deadline (complex case)', measures: 'Measures taken', resolution: 'Resolution', means: 'Means',
  summaryText: 'What was said', confirmed: 'Rectification confirmed', phoneCallback: 'Called back by phone',
  resurveyLevel: 'Level given on the callback', interviewee: 'Interviewee', submit: 'Submit', close: 'Close',
  contact: 'Evaluator\'s contact', contactMasked: 'Name *** · Mobile ***********',
  revealContact: 'Show the contact (for the callback; this is recorded)',
  contactRecorded: 'This reading was recorded (purpose: callback)', anonymous: 'Anonymous: no callback',
  realName: 'Real-name', history: 'History', ratedAt: 'Rated', openedAt: 'Opened', channel: 'Channel',
  window: 'Window', fileAppeal: 'File an appeal', appealWindow: 'Appeal until', appellant: 'Appellant',
  grounds: 'Grounds', evidence: 'Evidence', evidenceHelp: 'PDF, JPG or PNG, 5 MB each at most',
  appealClosed: 'The appeal window has closed', appealExists: 'Appealed', openAppeal: 'Open the appeal',
  verifications: 'Verifications', method: 'Method', finding: 'Finding', verify: 'Record a verification',
  decide: 'Decide', outcome: 'Outcome', malicious: 'Malicious', addEvidence: 'Add evidence', download: 'Download',
  decidedAt: 'Decided', review: 'Review', ratingsFlagged: 'Ratings', pending: 'Pending', distinct: 'Evaluators',
  rule: 'Rule', subject: 'Subject', flagDay: 'Day', secondsAfter: 'Seconds after completion',
  publish: 'Publish the month\'s bulletins', publishScope: 'Scope', published: '{0} bulletins published',
  publishedNone: 'Already published, unchanged', back: 'Back',
  sessionEnding: 'Your session ends at {0}: save what you are writing and sign in again.',
  signInAgain: 'Sign in again', sessionEnded: 'Your session has ended: please sign in again.', done: 'Saved',
  level: 'Level', tagsLabel: 'Problems', issuedAt: 'Issued', decision: 'Decision', addressee: 'To',
  caseTitle: 'Case {0}', appealTitle: 'Appeal · case {0}', flagTitle: 'Integrity flag', scopeRegion: 'Region',
  scopeInstitution: 'Institution', codeLabel: 'Unit', by: 'By', choose: 'Choose', details: 'Details',
  bulletinMonth: 'Month', credit: 'Credit records',
  creditHelp: 'Malicious ratings found on review (the evaluator\'s pseudonym only, never an identity)',
  evaluator: 'Evaluator (pseudonym)', creditWithdrawn: 'Withdrawn', creditStanding: 'Standing',
  noCredit: 'No credit records (also empty where the policy keeps none)',
});

// Words for the codes the services answer with, [Chinese, English].
const LEVELS = { 1: ['非常不满意', 'Very dissatisfied'], 2: ['不满意', 'Dissatisfied'], 3: ['基本满意', 'Fair'],
  4: ['满意', 'Satisfied'], 5: ['非常满意', 'Very satisfied'] };
const CLASSIFICATIONS = { CLEAR: ['问题清楚，立行立改', 'Clear: rectify now'],
  COMPLEX: ['情况复杂，限期整改', 'Complex: rectify by a deadline'], NO_BASIS: ['无法律政策依据，解释说明', 'No basis: explain'] };
const RESOLUTIONS = { RECTIFIED: ['已整改', 'Rectified'], EXPLAINED: ['已解释说明', 'Explained'] };
const FEEDBACK_MEANS = { PHONE: ['电话', 'Phone'], SMS: ['短信', 'SMS'], LETTER: ['书面', 'Letter'],
  IN_PERSON: ['当面', 'In person'] };
const APPELLANTS = { INSTITUTION: ['服务机构', 'Institution'], PLATFORM: ['服务平台', 'Platform'],
  STAFF: ['工作人员', 'Staff member'] };
const METHODS = { SPOT_CHECK: ['抽查', 'Spot check'], FILE_REVIEW: ['调阅档案', 'File review'],
  SITE_VISIT: ['实地察看', 'Site visit'], PHONE_CALLBACK: ['电话回访', 'Phone callback'] };
const OUTCOMES = { UPHELD: ['申诉成立，差评不予采纳', 'Upheld: not adopted'], REJECTED: ['申诉不成立', 'Rejected'] };
const FLAG_OUTCOMES = { NOT_ADOPTED: ['属实，相关评价不予采纳', 'Confirmed: not adopted'],
  DISMISSED: ['未发现问题，评价有效', 'Dismissed: ratings stand'] };
const FLAG_RULES = { DEVICE_BURST: ['窗口评价器集中好评', 'Burst of good ratings at a window'],
  REPEAT_EVALUATOR: ['同一评价人反复评价', 'One evaluator again and again'],
  QUICK_OWN_DEVICE: ['办结即评、评价人集中', 'Rated at once by the same few'],
  SERIAL_BAD_REVIEWS: ['同一评价人连续差评', 'Serial bad reviews'] };
const FLAG_STATUSES = { PENDING: ['待核查', 'Pending'], NOT_ADOPTED: ['已核查：不予采纳', 'Not adopted'],
  DISMISSED: ['已核查：评价有效', 'Dismissed'] };
const EVENT_WORDS = {
  RectificationOpened: ['差评转办', 'Bad review received'], ResponsibleAssigned: ['指定责任人', 'Person named'],
  CallbackRecorded: ['回访', 'Callback'], RectificationClassified: ['核实定性', 'Classified'],
  RectificationResolved: ['整改落实', 'Rectified'], FeedbackGiven: ['反馈评价人', 'Evaluator told'],
  RectificationVerified: ['监管核实', 'Verified'], InterviewRecorded: ['约谈', 'Interview'],
  RectificationClosed: ['办结', 'Closed'], RectificationWithdrawn: ['撤销（申诉成立）', 'Withdrawn (appeal upheld)'],
  RectificationResumed: ['恢复整改', 'Resumed'], RectificationOverdue: ['超期', 'Overdue'],
  RectificationRedated: ['期限重算', 'Re-dated'], RectificationStepOverdue: ['步骤超期', 'Step overdue'],
  WorkOrderDispatched: ['转12345工单', 'Sent to 12345'], WorkOrderReplied: ['12345工单回复', '12345 replied'],
  AppealFiled: ['提出申诉', 'Appeal filed'],
  AppealEvidenceAdded: ['提交证明材料', 'Evidence added'], AppealVerified: ['核实', 'Verified'],
  AppealDecided: ['复核决定', 'Decided'], AppealOverdue: ['复核超期', 'Decision overdue'],
  AppealRedated: ['期限重算', 'Re-dated'], AppealReinstated: ['恢复评价', 'Reinstated'],
  IntegrityFlagReviewed: ['核查结论', 'Reviewed'], IntegrityFlagRaised: ['发现线索', 'Flag raised'],
  RatingNotAdopted: ['评价不予采纳', 'Rating not adopted'],
};

const words = (table, code) => code === null || code === undefined ? '—' : inWords(table, code);
const levelName = l => (LEVELS[l] ? l + ' · ' + words(LEVELS, l) : String(l));
const role = () => (state.claims.groups || []).find(g => ['handler', 'bureau', 'auditor', 'admin'].includes(g));

// ---- names instead of codes ----

function nameOf(kind, code) {
  const found = code && state.names[kind] && state.names[kind][code];
  return found || code || '—';
}

function tagNames(tags) {
  return (tags || []).map(c => (state.names.TAG && state.names.TAG[c]) || c).join('、') || '—';
}

// The directory's names within the caller's scope, and the tag catalogue of the policy in force there.
async function loadNames() {
  const scope = state.claims.hcp_scope || '';
  const regionScope = role() === 'bureau' ? scope : '';
  const kinds = ['REGION', 'INSTITUTION', 'ITEM', 'WINDOW', 'STAFF'];
  // Items are the country's, not a region's: read without the region.
  const pages = await Promise.all(kinds.map(kind => api('/api/v1/console/directory',
    { kind, region: kind === 'ITEM' ? '' : regionScope, size: 500 }).catch(() => ({ items: [] }))));
  state.names = {};
  state.entries = {};
  kinds.forEach((kind, i) => {
    state.names[kind] = {};
    pages[i].items.forEach(e => { state.names[kind][e.code] = e.name; state.entries[kind + ':' + e.code] = e; });
  });
  const mine = state.entries['INSTITUTION:' + scope];
  const region = mine ? mine.regionCode : (scope.padEnd(6, '0').match(/^\d{6}$/) ? scope.padEnd(6, '0') : '110000');
  try {
    const policy = await api('/api/v1/console/policies/' + region);
    state.names.TAG = {};
    (policy.badReviewTags || []).forEach(tag => {
      state.names.TAG[tag.code] = (state.lang === 'en' && tag.englishName) || tag.name || tag.code;
    });
    state.policy = policy;
  } catch (e) {
    state.names.TAG = {};
  }
}

// ---- working-day countdowns (Beijing dates; the calendar the console ships) ----

const beijingDate = iso => BEIJING.format(new Date(iso)).slice(0, 10);

function countdown(iso, provisional) {
  if (!iso) return el('span', { class: 'muted' }, '—');
  const today = state.today || beijingDate(new Date().toISOString());
  const due = beijingDate(iso);
  const days = state.workingDays || [];
  const covered = days.length && due >= days[0] && due <= days[days.length - 1];
  let text;
  let cls = 'badge';
  if (new Date(iso) < new Date()) {
    const late = days.filter(d => d > due && d <= today).length;
    text = late ? t('overdueBy', late) : t('overdueToday');
    cls += ' warn';
  } else if (due === today) {
    text = t('dueToday', BEIJING.format(new Date(iso)).slice(11));
    cls += ' warn';
  } else if (covered) {
    const left = days.filter(d => d > today && d <= due).length;
    text = t('countdownLeft', left);
    if (left <= 1) cls += ' warn';
  } else {
    text = t('calendarDays', Math.ceil((new Date(iso) - new Date()) / 86400000));
  }
  return el('span', { class: cls, title: day(iso) }, text + (provisional ? t('provisional') : ''));
}

function deadlineCell(iso, provisional) {
  return iso ? [day(iso), ' ', countdown(iso, provisional)] : '—';
}

// ---- posting ----

const send = (path, body, type, params) => call(path, params, null, { body, type });

const post = (path, body) => send(path, body === undefined ? '' : JSON.stringify(body), 'application/json');

// A form of labelled fields; on submit it posts what fill() makes of them, then redraws the page.
function stepForm(id, title, fields, submitLabel, act) {
  const form = el('form', { class: 'step', id }, el('h3', {}, title), fields,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, submitLabel || t('submit'))));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await act(new FormData(form));
      showProblem(null);
      go(state.view, state.arg);
    } catch (error) {
      showProblem(error);
      button.disabled = false;
    }
  });
  return form;
}

function field(label, control) {
  return el('label', { class: 'field' }, el('span', {}, label), control);
}

function choice(name, table, required) {
  return el('select', { name, required }, el('option', { value: '' }, t('choose')),
    Object.keys(table).map(k => el('option', { value: k }, inWords(table, k))));
}

const text = (name, required, max) => el('input', { name, required, maxlength: max || 200, autocomplete: 'off' });
const area = (name, required, max) => el('textarea', { name, required, maxlength: max || 1000, rows: 3 });
const orNull = v => (v === null || v === undefined || v === '') ? null : v;

// ---- the handling unit's task list ----

const ACTIVE = 'OPEN,ASSIGNED,CLASSIFIED,RESOLVED,VERIFIED';

// What the unit or the bureau does next (R2.1-R2.6), as the ledger row says.
function nextStep(r) {
  switch (r.status) {
    case 'OPEN': return 'assign';
    case 'ASSIGNED': return r.realName && !r.firstContactAt ? 'callback' : 'classify';
    case 'CLASSIFIED': return 'resolve';
    case 'RESOLVED': return r.lastFeedbackAt ? 'verify' : 'feedback';
    case 'VERIFIED': return r.late && !r.interviewed ? 'interview' : 'close';
    default: return 'none';
  }
}

function ledgerColumns() {
  return [
    { label: t('caseNumber'), value: r => el('a', { href: '#rectification/' + r.rectificationId },
      (r.caseNumbers || [])[0] || r.rectificationId) },
    { label: t('item'), value: r => nameOf('ITEM', r.itemCode) },
    { label: t('institution'), value: r => nameOf('INSTITUTION', r.institutionCode) },
    { label: t('level'), value: r => levelName(r.level) },
    { label: t('tagsLabel'), value: r => tagNames(r.tags) },
    { label: t('status'), value: r => el('span', { class: 'badge' + (r.late || (r.overdueSteps || []).length ? ' warn' : '') },
      inWords(RECTIFICATION_STATUSES, r.status)) },
    { label: t('nextStep'), value: r => t('step_' + nextStep(r)) },
    { label: t('deadline'), value: r => deadlineCell(r.nextDueAt, r.deadlinesProvisional) },
  ];
}

async function tasks(view) {
  const answer = await api('/api/v1/console/rectifications', { status: ACTIVE, page: state.taskPage || 0, size: 20 });
  view.append(card(t('tasks'), null, answer.items.length
    ? table('task-table', ledgerColumns(), answer.items, r => go('rectification', r.rectificationId))
    : el('p', { class: 'empty', id: 'task-table' }, t('noTasks')),
  pager(answer.page, answer.more, p => { state.taskPage = p; go('tasks'); })));
}

// Counts on the tabs: what is open and how much of it is overdue, from the unit's own summary.
async function updateCounts() {
  if (role() !== 'handler') return;
  try {
    const [summary, open] = await Promise.all([api('/api/v1/console/rectifications/summary'),
      api('/api/v1/console/appeals', { status: 'OPEN', size: 100 })]);
    const mine = summary[0] || { open: 0, overdue: 0 };
    const count = (view, n, warn) => {
      const a = document.querySelector('nav a[data-view="' + view + '"]');
      a.querySelector('.count')?.remove();
      if (n) a.append(el('span', { class: 'count' + (warn ? ' warn' : '') }, String(n)));
    };
    count('tasks', mine.open, mine.overdue > 0);
    count('myAppeals', open.items.length, open.items.some(a => a.overdue));
  } catch (e) {
    // the counts are a convenience: the lists themselves say the same
  }
}

// ---- one rectification ----

function facts(rows) {
  return el('dl', { class: 'facts' }, rows.filter(Boolean).map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

function eventSummary(e) {
  const p = e.payload || {};
  return [p.responsiblePerson, p.result && words({ REACHED: ['已联系上', 'reached'],
    NOT_REACHED: ['未联系上', 'not reached'] }, p.result), p.classification && words(CLASSIFICATIONS, p.classification),
  p.resolution && words(RESOLUTIONS, p.resolution), p.means && words(FEEDBACK_MEANS, p.means), p.measures,
  p.summary, p.note, p.reason, p.finding, p.grounds, p.fileName, p.outcome && words(Object.assign({}, OUTCOMES, FLAG_OUTCOMES), p.outcome),
  p.interviewee].filter(Boolean).join(' · ');
}

// Who took a step: the events name it recordedBy, assignedBy, decidedBy…
function byWhom(payload) {
  const key = Object.keys(payload || {}).find(k => k.endsWith('By') && typeof payload[k] === 'string');
  return key ? ' · ' + payload[key] : '';
}

function timeline(id, entries) {
  return card(t('history'), null, el('ol', { class: 'timeline', id }, entries.map(e =>
    el('li', {}, el('time', {}, day(e.recordedAt)), ' ', el('strong', {}, words(EVENT_WORDS, e.type)),
      el('span', { class: 'muted' }, byWhom(e.payload)),
      el('div', {}, eventSummary(e))))));
}

async function rectification(view, id) {
  const detail = await api('/api/v1/console/rectifications/' + encodeURIComponent(id));
  const r = detail.rectification;
  const caseNumber = (r.caseNumbers || [])[0] || r.rectificationId;
  const base = '/api/v1/console/rectifications/' + encodeURIComponent(id) + '/';
  const next = nextStep(r);
  const active = !['CLOSED', 'WITHDRAWN'].includes(r.status);
  view.append(el('p', {}, el('a', { href: '#' + (role() === 'handler' ? 'tasks' : 'rectifications') }, '← ' + t('back'))),
    el('h2', { class: 'page-title' }, t('caseTitle', caseNumber), ' ',
      el('span', { class: 'badge' + (r.late ? ' warn' : '') }, inWords(RECTIFICATION_STATUSES, r.status))));
  view.append(el('div', { class: 'grid' },
    card(t('details'), null, facts([
      [t('item'), nameOf('ITEM', r.itemCode)], [t('institution'), nameOf('INSTITUTION', r.institutionCode)],
      [t('window'), nameOf('WINDOW', r.windowCode)], [t('level'), levelName(r.level)],
      [t('tagsLabel'), tagNames(r.tags)], [t('channel'), channelName(r.channel)],
      [t('realName'), r.realName ? '✓' : t('anonymous')], [t('ratedAt'), day(r.ratedAt)],
      [t('openedAt'), day(r.openedAt)], [t('responsiblePerson'), r.responsiblePerson || '—'],
      [t('classification'), words(CLASSIFICATIONS, r.classification)], [t('measures'), r.measures || '—']])),
    // Only what is still owed has a countdown (R2.2-R2.6); a closed or withdrawn rectification owes nothing.
    card(t('deadline'), null, facts([
      [t('step_callback'), deadlineCell(active && r.realName && !r.firstContactAt ? r.callbackDueAt : null,
        r.deadlinesProvisional)],
      [t('step_resolve'), deadlineCell(r.status === 'CLASSIFIED' ? r.dueAt : null, r.deadlinesProvisional)],
      [t('step_feedback'), deadlineCell(active && !r.lastFeedbackAt ? r.feedbackDueAt : null, r.deadlinesProvisional)],
      [t('step_verify'), deadlineCell(r.status === 'RESOLVED' ? r.verificationDueAt : null, r.deadlinesProvisional)],
      r.closedAt ? [t('closed'), day(r.closedAt)] : null,
      [t('nextStep'), el('strong', { id: 'next-step' }, t('step_' + next))]]))));
  const forms = [];
  const who = role();
  if (who === 'handler' && active) {
    if (r.status === 'OPEN') {
      forms.push(stepForm('form-assign', t('step_assign'), [field(t('responsiblePerson'), text('responsiblePerson', true, 50))],
        null, f => post(base + 'assignment', { responsiblePerson: f.get('responsiblePerson') })));
    }
    if (r.realName) forms.push(callbackCard(r, base));
    if (r.status === 'ASSIGNED') {
      const due = el('input', { name: 'dueAt', type: 'date' });
      forms.push(stepForm('form-classify', t('step_classify'), [field(t('classification'), choice('classification',
        CLASSIFICATIONS, true)), field(t('reason'), area('reason', true)), field(t('dueAtComplex'), due)], null,
      f => post(base + 'classification', { classification: f.get('classification'), reason: f.get('reason'),
        // a complex case's deadline: the end of the chosen day in Beijing
        dueAt: f.get('dueAt') ? new Date(f.get('dueAt') + 'T17:00:00+08:00').toISOString() : null })));
    }
    if (r.status === 'CLASSIFIED') {
      forms.push(stepForm('form-resolve', t('step_resolve'), [field(t('resolution'), choice('resolution', RESOLUTIONS,
        true)), field(t('measures'), area('measures', true))], null,
      f => post(base + 'resolution', { resolution: f.get('resolution'), measures: f.get('measures') })));
    }
    if (['CLASSIFIED', 'RESOLVED', 'VERIFIED'].includes(r.status)) {
      forms.push(stepForm('form-feedback', t('step_feedback'), [field(t('means'), choice('means', FEEDBACK_MEANS, true)),
        field(t('summaryText'), area('summary', true))], null,
      f => post(base + 'feedback', { means: f.get('means'), summary: f.get('summary') })));
    }
  }
  if (who === 'bureau' && active) {
    if (r.status === 'RESOLVED') {
      forms.push(stepForm('form-verify', t('step_verify'), [
        field(t('confirmed'), el('input', { type: 'checkbox', name: 'confirmed', checked: true })),
        field(t('phoneCallback'), el('input', { type: 'checkbox', name: 'phoneCallback', checked: r.level === 1 })),
        field(t('resurveyLevel'), el('select', { name: 'resurveyLevel' }, el('option', { value: '' }, '—'),
          [5, 4, 3, 2, 1].map(l => el('option', { value: l }, levelName(l))))),
        field(t('note'), area('note', false))], null,
      f => post(base + 'verification', { confirmed: f.get('confirmed') === 'on', phoneCallback: f.get('phoneCallback') === 'on',
        resurveyLevel: orNull(f.get('resurveyLevel')) && Number(f.get('resurveyLevel')), note: orNull(f.get('note')) })));
    }
    if (r.late && !r.interviewed) {
      forms.push(stepForm('form-interview', t('step_interview'), [field(t('interviewee'), text('interviewee', true, 50)),
        field(t('note'), area('note', false))], null,
      f => post(base + 'interview', { interviewee: f.get('interviewee'), note: orNull(f.get('note')) })));
    }
  }
  if ((who === 'handler' || who === 'bureau') && r.status === 'VERIFIED') {
    forms.push(stepForm('form-close', t('step_close'), [], t('close'), () => post(base + 'closing')));
  }
  if (who === 'handler' && r.level <= 2) forms.push(await appealCard(r));
  if (forms.length) view.append(el('div', { class: 'grid forms' }, forms));
  view.append(timeline('rectification-history', detail.history));
}

// R2.2 with R6.1: the contact stays masked until the handler asks for it for the callback; intake records each
// reading. Nothing of it is kept in the page's state.
function callbackCard(r, base) {
  const shown = el('p', { id: 'contact', class: 'contact' }, t('contactMasked'));
  const reveal = el('button', { type: 'button', id: 'reveal-contact', onclick: async () => {
    try {
      const c = await api('/api/v1/console/cases/' + encodeURIComponent(r.caseNumbers[0]) + '/evaluator-contact',
        { purpose: 'CALLBACK' });
      shown.replaceChildren((c.name || '—') + ' · ' + (c.mobile || '—'), el('br'),
        el('small', { class: 'muted' }, t('contactRecorded')));
      reveal.remove();
    } catch (error) {
      showProblem(error);
    }
  } }, t('revealContact'));
  return stepForm('form-callback', t('step_callback'), [el('div', { class: 'field' }, el('span', {}, t('contact')),
    shown, reveal), field(t('result'), choice('result', { REACHED: [t('reached'), t('reached')],
    NOT_REACHED: [t('notReached'), t('notReached')] }, true)), field(t('note'), area('note', false))], null,
  f => post(base + 'callbacks', { result: f.get('result'), note: orNull(f.get('note')) }));
}

// R3.1: the unit may appeal its bad review within the policy's window; evidence goes up with it.
async function appealCard(r) {
  const ratingId = r.ratingIds[0];
  let existing = null;
  try { existing = await api('/api/v1/console/appeals/' + encodeURIComponent(ratingId)); } catch (e) { /* none yet */ }
  if (existing) {
    return card(t('myAppeals'), null, el('p', {}, t('appealExists'), ' · ',
      inWords(APPEAL_STATUSES, existing.appeal.status), ' · ',
      el('a', { href: '#appeal/' + ratingId, id: 'open-appeal' }, t('openAppeal'))));
  }
  let window;
  try { window = await api('/api/v1/console/appealable-ratings/' + encodeURIComponent(ratingId)); } catch (e) {
    return '';
  }
  if (!window.windowOpen) return card(t('fileAppeal'), null, el('p', { class: 'muted' }, t('appealClosed')));
  const files = el('input', { type: 'file', name: 'files', multiple: true, accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' });
  return stepForm('form-appeal', t('fileAppeal'), [
    el('p', {}, t('appealWindow'), ' ', deadlineCell(window.windowDueAt, window.windowProvisional)),
    field(t('appellant'), choice('appellant', APPELLANTS, true)), field(t('grounds'), area('grounds', true, 2000)),
    field(t('evidence'), [files, el('small', { class: 'muted' }, t('evidenceHelp'))])], t('fileAppeal'),
  async f => {
    await post('/api/v1/console/appeals', { ratingId, appellant: f.get('appellant'), grounds: f.get('grounds') });
    for (const file of files.files) await upload(ratingId, file);
    state.arg = ratingId;
    state.view = 'appeal';
  });
}

async function upload(ratingId, file) {
  return send('/api/v1/console/appeals/' + encodeURIComponent(ratingId) + '/attachments', file,
    file.type || 'application/octet-stream', { fileName: file.name });
}

// ---- appeals ----

function appealColumns() {
  return [
    { label: t('caseNumber'), value: a => el('a', { href: '#appeal/' + a.ratingId }, a.caseNumber) },
    { label: t('institution'), value: a => nameOf('INSTITUTION', a.institutionCode) },
    { label: t('level'), value: a => levelName(a.level) },
    { label: t('appellant'), value: a => words(APPELLANTS, a.appellant) },
    { label: t('status'), value: a => el('span', { class: 'badge' + (a.overdue ? ' warn' : a.status === 'OPEN' ? '' : ' ok') },
      inWords(APPEAL_STATUSES, a.status)) },
    { label: t('filedAt'), value: a => day(a.filedAt) },
    { label: t('decisionDueAt'), value: a => a.status === 'OPEN' ? deadlineCell(a.decisionDueAt) : day(a.decidedAt) }];
}

async function myAppeals(view) {
  const answer = await api('/api/v1/console/appeals', { page: state.appealPage, size: 20 });
  view.append(card(t('myAppeals'), null, answer.items.length
    ? table('my-appeal-table', appealColumns(), answer.items, a => go('appeal', a.ratingId))
    : el('p', { class: 'empty', id: 'my-appeal-table' }, t('noAppeals')),
  pager(state.appealPage, answer.items.length === 20, p => { state.appealPage = p; go('myAppeals'); })));
}

async function downloadEvidence(ratingId, e) {
  const response = await call('/api/v1/console/appeals/' + encodeURIComponent(ratingId) + '/attachments/'
    + encodeURIComponent(e.attachmentId), null, e.mediaType || 'application/octet-stream');
  const link = el('a', { href: URL.createObjectURL(await response.blob()), download: e.fileName });
  document.body.append(link);
  link.click();
  link.remove();
}

async function appeal(view, ratingId) {
  const file = await api('/api/v1/console/appeals/' + encodeURIComponent(ratingId));
  const a = file.appeal;
  const base = '/api/v1/console/appeals/' + encodeURIComponent(ratingId) + '/';
  const evidence = file.timeline.filter(e => e.type === 'AppealEvidenceAdded').map(e => e.payload);
  view.append(el('p', {}, el('a', { href: '#' + (role() === 'handler' ? 'myAppeals' : 'appeals') }, '← ' + t('back'))),
    el('h2', { class: 'page-title' }, t('appealTitle', a.caseNumber), ' ', el('span', { id: 'appeal-status',
      class: 'badge' + (a.overdue ? ' warn' : a.status === 'OPEN' ? '' : ' ok') }, inWords(APPEAL_STATUSES, a.status))));
  view.append(el('div', { class: 'grid' },
    card(t('appeal'), null, facts([[t('institution'), nameOf('INSTITUTION', a.institutionCode)],
      [t('level'), levelName(a.level)], [t('appellant'), words(APPELLANTS, a.appellant)], [t('grounds'), a.grounds],
      [t('filedAt'), day(a.filedAt)], [t('appealWindow'), day(a.windowDueAt)],
      [t('decisionDueAt'), a.status === 'OPEN' ? deadlineCell(a.decisionDueAt) : day(a.decisionDueAt)],
      [t('decidedAt'), day(a.decidedAt)], [t('verifications'), String(a.verifications)]])),
    card(t('evidence'), null, evidence.length ? el('ul', { id: 'evidence-list' }, evidence.map(e => el('li', {},
      el('button', { type: 'button', class: 'link', onclick: () => downloadEvidence(ratingId, e).catch(showProblem) },
        e.fileName), el('span', { class: 'muted' }, ' ' + Math.ceil((e.sizeBytes || 0) / 1024) + ' KB'))))
      : el('p', { class: 'empty', id: 'evidence-list' }, t('none')))));
  const forms = [];
  if (a.status === 'OPEN' && role() === 'handler') {
    const files = el('input', { type: 'file', name: 'files', multiple: true, accept: '.pdf,.jpg,.jpeg,.png' });
    forms.push(stepForm('form-evidence', t('addEvidence'), [field(t('evidence'), [files,
      el('small', { class: 'muted' }, t('evidenceHelp'))])], t('addEvidence'), async () => {
      for (const f of files.files) await upload(ratingId, f);
    }));
  }
  if (a.status === 'OPEN' && role() === 'bureau') {
    forms.push(stepForm('form-verification', t('verify'), [field(t('method'), choice('method', METHODS, true)),
      field(t('finding'), area('finding', true))], null,
    f => post(base + 'verifications', { method: f.get('method'), finding: f.get('finding') })));
    forms.push(stepForm('form-decision', t('decide'), [field(t('outcome'), choice('outcome', OUTCOMES, true)),
      field(t('malicious'), el('input', { type: 'checkbox', name: 'malicious' })), field(t('reason'), area('reason', true))],
    t('decide'), f => post(base + 'decision', { outcome: f.get('outcome'), malicious: f.get('malicious') === 'on',
      reason: f.get('reason') })));
  }
  if (forms.length) view.append(el('div', { class: 'grid forms' }, forms));
  if (file.notices.length) {
    view.append(card(t('notices'), null, noticeList('appeal-notices', file.notices)));
  }
  view.append(timeline('appeal-history', file.timeline));
}

function noticeList(id, notices) {
  return table(id, [{ label: t('issuedAt'), value: n => day(n.issuedAt) },
    { label: t('caseNumber'), value: n => el('a', { href: '#appeal/' + n.ratingId }, n.caseNumber) },
    { label: t('decision'), value: n => words(OUTCOMES, n.decision) + (n.malicious ? ' · ' + t('malicious') : '') },
    { label: t('reason'), value: n => n.reason }], notices);
}

async function notices(view) {
  const answer = await api('/api/v1/console/appeal-notices', { size: 50 });
  view.append(card(t('notices'), null, answer.items.length ? noticeList('notice-table', answer.items)
    : el('p', { class: 'empty', id: 'notice-table' }, t('noNotices'))));
}

// ---- integrity flags (R6.3) ----

// A flag's subject is "window W staff S", "institution I" or "evaluator P": each named from the directory (an
// evaluator is a pseudonym and stays one).
const SUBJECT_KINDS = { window: 'WINDOW', staff: 'STAFF', institution: 'INSTITUTION' };

function subjectWords(subject) {
  const parts = String(subject || '').split(' ');
  const out = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const kind = SUBJECT_KINDS[parts[i]];
    out.push(kind ? t(kind === 'WINDOW' ? 'window' : kind === 'STAFF' ? 'staff' : 'institution') + ' '
      + nameOf(kind, parts[i + 1]) : parts[i] + ' ' + parts[i + 1]);
  }
  return out.length ? out.join(' · ') : (subject || '—');
}

async function flags(view) {
  const answer = await api('/api/v1/console/integrity-flags', { region: state.region, status: state.flagStatus,
    size: 50 });
  const choose = el('label', {}, el('span', { class: 'sr-only' }, t('status')),
    el('select', { id: 'flag-status', onchange: e => { state.flagStatus = e.target.value; go('flags'); } },
      ['', 'PENDING', 'NOT_ADOPTED', 'DISMISSED'].map(s => el('option', { value: s, selected: s === (state.flagStatus || '') },
        s ? inWords(FLAG_STATUSES, s) : t('all')))));
  view.append(card(t('flags'), choose, answer.items.length ? table('flag-table', [
    { label: t('rule'), value: f => el('a', { href: '#flag/' + f.flagId }, words(FLAG_RULES, f.rule)) },
    { label: t('subject'), value: f => subjectWords(f.subject) },
    { label: t('flagDay'), value: f => f.day }, { label: t('region'), value: f => nameOf('REGION', f.regionCode) },
    { label: t('ratingsFlagged'), n: true, value: f => num(f.ratings) }, { label: t('pending'), n: true, value: f => num(f.pending) },
    { label: t('status'), value: f => el('span', { class: 'badge' + (f.status === 'PENDING' ? ' warn' : ' ok') },
      words(FLAG_STATUSES, f.status)) }], answer.items, f => go('flag', f.flagId))
    : el('p', { class: 'empty', id: 'flag-table' }, t('noFlags'))));
}

async function flag(view, flagId) {
  const file = await api('/api/v1/console/integrity-flags/' + encodeURIComponent(flagId));
  const f = file.flag;
  view.append(el('p', {}, el('a', { href: '#flags' }, '← ' + t('back'))),
    el('h2', { class: 'page-title' }, t('flagTitle'), ' · ', words(FLAG_RULES, f.rule), ' ',
      el('span', { id: 'flag-status-badge', class: 'badge' + (file.status === 'PENDING' ? ' warn' : ' ok') },
        words(FLAG_STATUSES, file.status))));
  view.append(card(t('flagTitle'), null, facts([[t('rule'), words(FLAG_RULES, f.rule)],
    [t('subject'), subjectWords(f.subject)],
    [t('flagDay'), f.day], [t('region'), nameOf('REGION', f.regionCode)],
    [t('ratingsFlagged'), String(f.ratingIds.length)], [t('pending'), String(file.pending.length)],
    [t('distinct'), String(f.distinct)]])));
  view.append(card(t('ratingsFlagged'), null, table('flag-evidence', [
    { label: t('caseNumber'), value: e => e.caseNumber }, { label: t('institution'), value: e => nameOf('INSTITUTION', e.institutionCode) },
    { label: t('window'), value: e => nameOf('WINDOW', e.windowCode) }, { label: t('channel'), value: e => channelName(e.channel) },
    { label: t('level'), value: e => levelName(e.level) }, { label: t('ratedAt'), value: e => day(e.ratedAt) },
    { label: t('secondsAfter'), n: true, value: e => e.secondsAfterCompletion ?? '—' }], file.evidence)));
  if (file.pending.length && role() === 'bureau') {
    view.append(el('div', { class: 'grid forms' }, stepForm('form-review', t('review'), [
      field(t('outcome'), choice('outcome', FLAG_OUTCOMES, true)),
      field(t('malicious'), el('input', { type: 'checkbox', name: 'malicious' })), field(t('reason'), area('reason', true))],
    null, v => post('/api/v1/console/integrity-flags/' + encodeURIComponent(flagId) + '/review',
      { outcome: v.get('outcome'), malicious: v.get('malicious') === 'on', reason: v.get('reason') }))));
  }
  if (file.reviews.length) view.append(timeline('flag-history', file.reviews));
}

// ---- credit records (R3.4, where the jurisdiction's policy keeps them) ----

async function credit(view) {
  const answer = await api('/api/v1/console/credit-records', { region: state.region, page: state.creditPage || 0,
    size: 20 });
  view.append(card(t('credit'), el('span', { class: 'muted' }, t('creditHelp')), answer.items.length
    ? table('credit-table', [{ label: t('decidedAt'), value: c => day(c.decidedAt) },
      { label: t('evaluator'), value: c => c.evaluatorPseudonym || '—' },
      { label: t('region'), value: c => nameOf('REGION', c.regionCode) }, { label: t('reason'), value: c => c.reason },
      { label: t('status'), value: c => el('span', { class: 'badge' + (c.withdrawnAt ? ' ok' : ' warn') },
        c.withdrawnAt ? t('creditWithdrawn') + ' ' + day(c.withdrawnAt) : t('creditStanding')) }], answer.items)
    : el('p', { class: 'empty', id: 'credit-table' }, t('noCredit')),
  pager(answer.page, answer.items.length === 20, p => { state.creditPage = p; go('credit'); })));
}

// ---- publishing a month's bulletins (R4.3), the bureau's ----

function publishForm() {
  const scope = el('select', { name: 'scope', required: true }, el('option', { value: 'REGION' }, t('scopeRegion')),
    el('option', { value: 'INSTITUTION' }, t('scopeInstitution')));
  const code = el('select', { name: 'code', required: true });
  const fill = () => {
    const kind = scope.value;
    const prefix = state.claims.hcp_scope || '';
    const entries = Object.entries(state.names[kind] || {}).filter(([c]) => kind === 'INSTITUTION'
      || (c.startsWith(prefix) && c.length >= 6));
    code.replaceChildren(...entries.map(([c, n]) => el('option', { value: c }, n)));
  };
  scope.addEventListener('change', fill);
  fill();
  const result = el('p', { id: 'publish-result', role: 'status' });
  const form = stepForm('form-publish', t('publish') + ' · ' + state.bulletinMonth, [field(t('publishScope'), scope),
    field(t('codeLabel'), code), result], t('publish'), async f => {
    const published = await post('/api/v1/console/bulletins', { month: state.bulletinMonth, scope: f.get('scope'),
      code: f.get('code') });
    const fresh = published.filter(p => p.created).length;
    state.flash = fresh ? t('published', fresh) : t('publishedNone');
  });
  return form;
}

Object.assign(VIEWS, { tasks, rectification, myAppeals, appeal, notices, flags, flag, credit });
