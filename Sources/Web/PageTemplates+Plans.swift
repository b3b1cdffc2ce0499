extension PageTemplates {
    /// *Kế hoạch*: the plans and their versions, an upload's errors, a version's preview.
    static let planTemplates: [String: String] = [
        "plans": """
        <h1>{{w.plans}}</h1>
        {{#applied}}<section class="notice"><p role="status">{{w.appliedNotice}}</p></section>{{/applied}}
        {{#plans}}<section class="plan" data-plan="{{name}}"><h2>{{name}}</h2>
        <p>{{title}} · {{tasks}} {{w.shown}}</p>
        <p class="in-use">{{w.inUse}}: {{#current}}{{w.version}} #{{id}} ({{file}}){{/current}}{{^current}}{{#listed}}{{w.configFile}}{{/listed}}{{^listed}}{{w.notApplied}}{{/listed}}{{/current}}</p>
        {{#configFileNewer}}<p class="notice">{{w.configFileNewer}}</p>{{/configFileNewer}}
        <p><a href="{{download}}">{{w.workingCopy}}</a></p>
        {{#editable}}<form method="post" action="/ke-hoach/tai-len" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="ke-hoach" value="{{key}}">
        <label>{{w.uploadVersion}} <input type="file" name="tep" accept=".xlsx,.csv,.toml" required></label>
        <button type="submit">{{w.check}}</button></form>
        <p>{{w.uploadHelp}} {{limit}} MB.</p>{{/editable}}
        {{#hasVersions}}<h3>{{w.versions}}</h3><table><tr><th>{{w.version}}</th><th>{{w.uploadedBy}}</th><th>{{w.day}}</th><th></th></tr>
        {{#versions}}<tr class="version" data-version="{{id}}"><td>#{{id}} {{file}}</td><td>{{by}}</td><td>{{at}}</td><td>
        {{#inUse}}{{w.inUse}}{{/inUse}}
        {{#previewable}}<a href="/ke-hoach/ban/{{id}}">{{w.preview}}</a>{{/previewable}}
        {{#restorable}}<form method="post" action="/ke-hoach/ap-dung"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="ke-hoach" value="{{key}}"><input type="hidden" name="ban" value="{{id}}">
        <input type="hidden" name="goc" value="{{base}}"><input type="hidden" name="kieu" value="restore">
        <button type="submit">{{w.restore}}</button></form>{{/restorable}}</td></tr>{{/versions}}</table>{{/hasVersions}}
        {{#restoreConfigFile}}<form method="post" action="/ke-hoach/ap-dung"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="ke-hoach" value="{{key}}"><input type="hidden" name="ban" value="">
        <input type="hidden" name="goc" value="{{base}}"><input type="hidden" name="kieu" value="restore">
        <button type="submit" name="goc-tep">{{w.restore}}: {{w.configFile}}</button></form>{{/restoreConfigFile}}
        {{#hasChanges}}<h3>{{w.changes}}</h3><table><tr><th>{{w.day}}</th><th></th><th>{{w.version}}</th><th>{{w.by}}</th><th>{{w.from}}</th></tr>
        {{#changes}}<tr class="change"><td>{{at}}</td><td>{{action}}</td><td>{{version}}</td><td>{{by}}</td><td>{{client}}</td></tr>{{/changes}}
        </table>{{/hasChanges}}</section>{{/plans}}
        {{#newPlans}}<section><h2>{{w.newPlan}}</h2>
        <form method="post" action="/ke-hoach/tai-len" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{w.planFile}} <input type="file" name="tep" accept=".xlsx,.csv,.toml" required></label>
        <label>{{w.planYear}} <input name="nam" size="4"></label>
        <button type="submit">{{w.check}}</button></form></section>{{/newPlans}}
        """,
        "plan-errors": """
        <h1>{{fileName}}: {{count}} {{w.errorsFound}}</h1>
        <section class="notice"><p role="alert">{{w.nothingChanged}}</p></section>
        <section><table class="errors"><tr><th>{{w.file}}</th><th>{{w.sheet}}</th><th>{{w.row}}</th><th>{{w.column}}</th>
        <th>{{w.written}}</th><th>{{w.error}}</th><th>{{w.fix}}</th></tr>
        {{#errors}}<tr class="error"><td>{{file}}</td><td>{{sheet}}</td><td class="row">{{row}}</td><td class="column">{{column}}</td>
        <td class="written">{{written}}</td><td class="message">{{message}}</td><td class="hint">{{hint}}</td></tr>{{/errors}}
        </table><p><a href="/ke-hoach">{{w.plans}}</a></p></section>
        """,
        "plan-preview": """
        <h1>{{w.preview}}: {{plan}} · {{w.version}} #{{version}}</h1>
        <section><p>{{file}} · {{w.uploadedBy}} {{by}}, {{at}}</p>
        {{#unchanged}}<p class="notice unchanged" role="status">{{w.unchanged}}</p>{{/unchanged}}
        {{#inUse}}<p class="notice">{{w.inUse}}</p>{{/inUse}}
        <ul class="summary"><li data-count="added">{{w.added}}: {{addedCount}}</li>
        <li data-count="removed">{{w.removed}}: {{removedCount}}</li>
        <li data-count="changed">{{w.changed}}: {{changedCount}}</li>
        <li data-count="completions">{{w.completionsChanged}}: {{completionsChanged}}</li></ul>
        {{#canApply}}<form method="post" action="/ke-hoach/ap-dung"><input type="hidden" name="csrf" value="{{csrf}}">
        <input type="hidden" name="ke-hoach" value="{{key}}"><input type="hidden" name="ban" value="{{version}}">
        <input type="hidden" name="goc" value="{{base}}"><input type="hidden" name="kieu" value="apply">
        <button type="submit" id="ap-dung">{{w.apply}}</button></form>{{/canApply}}
        <p><a href="/ke-hoach">{{w.plans}}</a></p></section>
        {{#hasAdded}}<section><h2>{{w.added}}</h2><table>
        {{#added}}<tr class="added" data-task="{{id}}"><td>{{id}}</td><td>{{title}}</td><td>{{deadline}}</td><td>{{responsible}}</td></tr>{{/added}}
        </table></section>{{/hasAdded}}
        {{#hasRemoved}}<section><h2>{{w.removed}}</h2><table>
        {{#removed}}<tr class="removed" data-task="{{id}}"><td>{{id}}</td><td>{{title}}</td><td>{{deadline}}</td><td>{{responsible}}</td></tr>{{/removed}}
        </table></section>{{/hasRemoved}}
        {{#hasChanged}}<section><h2>{{w.changed}}</h2><table><tr><th>{{w.task}}</th><th></th><th>{{w.before}}</th><th>{{w.after}}</th></tr>
        {{#changed}}{{#fields}}<tr class="changed" data-task="{{id}}" data-field="{{field}}"><td>{{id}} {{title}}</td><td>{{label}}</td>
        <td>{{before}}</td><td>{{after}}</td></tr>{{/fields}}{{/changed}}
        </table></section>{{/hasChanged}}
        <section><h2>{{w.remindersNext}} ({{workingDays}} {{w.workingDays}})</h2>
        <table><tr><th>{{w.day}}</th><th>{{w.underCurrent}}</th><th>{{w.underNew}}</th></tr>
        {{#days}}<tr class="day"><td>{{day}}</td>
        <td class="current">{{#current}}<div{{#gone}} class="gone"{{/gone}}>{{#gone}}− {{/gone}}{{line}}</div>{{/current}}</td>
        <td class="candidate">{{#candidate}}<div{{#new}} class="new"{{/new}}>{{#new}}+ {{/new}}{{line}}</div>{{/candidate}}</td></tr>{{/days}}
        </table></section>
        """,
    ]
}
