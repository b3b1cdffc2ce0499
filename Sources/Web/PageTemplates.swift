import Mustache

/// The pages, as Mustache templates over a page's values and its words (`w`): one layout and a body per
/// page. Everything is escaped by Mustache's `{{…}}`; nothing is fetched from the network, no script is
/// needed, and the layout reads on a phone (many officials open the links in Zalo's in-app browser).
enum PageTemplates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in templates.merging(planTemplates, uniquingKeysWith: { first, _ in first }) {
            // The templates are ours and tested: one that does not parse is a programming error.
            library.register(try! MustacheTemplate(string: text), named: name)
        }
        return library
    }()

    static let templates: [String: String] = [
        "layout": """
        <!DOCTYPE html>
        <html lang="{{language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · {{w.app}}</title>
        <style>
        body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f6f6f4; }
        header { background: #7a1f1f; color: #fff; padding: .6rem 1rem; display: flex; flex-wrap: wrap;
          gap: .4rem 1rem; align-items: center; }
        header a { color: #fff; }
        header form { margin-left: auto; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        section { background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: .8rem 1rem; margin: 0 0 1rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .35rem .4rem; border-bottom: 1px solid #eee; vertical-align: top; }
        .counts { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; }
        .count { border: 1px solid #ddd; border-radius: 6px; padding: .5rem; }
        .count b { display: block; font-size: 1.6rem; }
        .notice { background: #fff4d6; border-color: #e0c060; }
        input[type=email] { width: 100%; max-width: 24rem; padding: .5rem; font-size: 1rem; }
        button { padding: .5rem .9rem; font-size: 1rem; }
        .new { color: #0a5a0a; font-weight: bold; } .gone { color: #8a1010; text-decoration: line-through; }
        table.errors td { font-size: .92rem; }
        </style>
        </head>
        <body>
        <header><strong>{{w.app}}</strong>
        {{#user}}<a href="/">{{w.overview}}</a> <a href="/nhiem-vu">{{w.tasks}}</a> <a href="/lich">{{w.calendar}}</a> <a href="/bao-cao-ky">{{w.reports}}</a> <a href="/ke-hoach">{{w.plans}}</a>
        <span>{{w.signedInAs}}: {{name}}</span>
        <form method="post" action="/dang-xuat"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">{{w.signOut}}</button></form>{{/user}}
        </header>
        <main>
        {{{body}}}
        </main>
        </body>
        </html>
        """,
        "sign-in": """
        <section>
        <h1>{{w.signIn}}</h1>
        {{#message}}<p class="notice" role="status">{{message}}</p>{{/message}}
        <p>{{w.signInHelp}}</p>
        <form method="post" action="/dang-nhap"><input type="hidden" name="csrf" value="{{csrf}}">
        <label for="email">{{w.email}}</label><br>
        <input type="email" id="email" name="email" required autocomplete="email"><br><br>
        <button type="submit">{{w.sendLink}}</button>
        </form>
        </section>
        """,
        "message": """
        <section class="notice"><p role="alert">{{message}}</p>
        {{#signIn}}<p><a href="/dang-nhap">{{w.signIn}}</a></p>{{/signIn}}</section>
        """,
        "overview": """
        <h1>{{w.overview}} · {{w.today}} {{today}}</h1>
        {{#rejected}}<section class="notice"><p>{{w.rejected}} ({{since}}):</p>
        <ul>{{#errors}}<li>{{.}}</li>{{/errors}}</ul></section>{{/rejected}}
        {{#canEdit}}<section><h2>{{w.waiting}}</h2>
        {{^waiting}}<p>{{w.noWaiting}}</p>{{/waiting}}
        {{#hasWaiting}}<table><tr><th>{{w.task}}</th><th>{{w.reportedBy}}</th><th>{{w.completedOn}}</th><th></th></tr>
        {{#waiting}}<tr class="waiting" data-report="{{id}}"><td><a href="/nhiem-vu/{{path}}">{{task}}</a> {{occurrence}} {{title}}</td>
        <td>{{official}}</td><td>{{date}} {{note}}</td><td>
        <form method="post" action="/bao-cao-cho/{{id}}/xac-nhan"><input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit">{{w.confirm}}</button></form>
        <form method="post" action="/bao-cao-cho/{{id}}/tra-lai"><input type="hidden" name="csrf" value="{{csrf}}">
        <label>{{w.reason}} <input name="reason" required></label> <button type="submit">{{w.sendBack}}</button></form>
        </td></tr>{{/waiting}}</table>{{/hasWaiting}}</section>{{/canEdit}}
        <section><h2>{{w.counts}}</h2>
        <div class="counts">
        {{#counts}}<div class="count" data-status="{{status}}"><b>{{count}}</b>{{label}}</div>{{/counts}}
        </div></section>
        <section><h2>{{w.overdueTasks}}</h2>
        {{^overdue}}<p>{{w.noOverdue}}</p>{{/overdue}}
        {{#hasOverdue}}<table><tr><th>{{w.task}}</th><th>{{w.deadline}}</th><th>{{w.late}}</th><th>{{w.responsible}}</th></tr>
        {{#overdue}}<tr data-task="{{id}}"><td><a href="/nhiem-vu/{{path}}">{{id}}</a> {{title}}</td><td>{{deadline}}</td>
        <td>{{late}} {{w.workingDays}}</td><td>{{responsible}}</td></tr>{{/overdue}}
        </table>{{/hasOverdue}}</section>
        <section><h2>{{w.nextSend}}: {{nextSend}}</h2>
        {{^next}}<p>{{w.nothingToSend}}</p>{{/next}}
        {{#hasNext}}<table><tr><th>{{w.recipient}}</th><th>{{w.items}}</th></tr>
        {{#next}}<tr><td>{{recipient}}</td><td>{{items}}</td></tr>{{/next}}</table>{{/hasNext}}</section>
        <section><h2>{{w.failures}}</h2>
        {{^failures}}<p>{{w.noFailures}}</p>{{/failures}}
        <ul>{{#failures}}<li>{{digest}} → {{destination}}: {{answer}}</li>{{/failures}}</ul></section>
        {{#reload}}<section><h2>{{w.lastReload}}</h2><p>{{at}}: {{outcome}}. {{message}}</p></section>{{/reload}}
        """,
        "tasks": """
        <h1>{{w.tasks}}</h1>
        <section><form method="get" action="/nhiem-vu">
        <label>{{w.section}} <select name="section"><option value="">{{w.any}}</option>
        {{#sections}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/sections}}</select></label>
        <label>{{w.lead}} <select name="lead"><option value="">{{w.any}}</option>
        {{#leads}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/leads}}</select></label>
        <label>{{w.responsible}} <select name="responsible"><option value="">{{w.any}}</option>
        {{#responsibles}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/responsibles}}</select></label>
        <label>{{w.status}} <select name="status"><option value="">{{w.any}}</option>
        {{#statuses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/statuses}}</select></label>
        <label>{{w.search}} <input type="search" name="q" value="{{q}}"></label>
        <button type="submit">{{w.filter}}</button>
        </form></section>
        <section><p>{{count}} {{w.shown}}</p>
        {{^hasRows}}<p>{{w.none}}</p>{{/hasRows}}
        {{#hasRows}}<table><tr><th>{{w.task}}</th><th>{{w.deadline}}</th><th>{{w.status}}</th><th>{{w.responsible}}</th></tr>
        {{#rows}}<tr data-task="{{id}}" data-status="{{status}}"><td><a href="/nhiem-vu/{{path}}">{{id}}</a> {{title}}</td>
        <td>{{deadline}}</td><td>{{statusLabel}}</td><td>{{responsible}}</td></tr>{{/rows}}
        </table>{{/hasRows}}
        {{#paged}}<p>{{#previous}}<a href="/nhiem-vu?{{previous}}">←</a>{{/previous}} {{w.page}} {{page}}/{{pages}}
        {{#next}}<a href="/nhiem-vu?{{next}}">→</a>{{/next}}</p>{{/paged}}</section>
        """,
        "report": """
        <section><h1>{{w.reportDone}}</h1>
        <p><b>{{task}}</b> {{title}}<br>{{w.deadline}}: {{deadline}}</p>
        <p>{{w.reportHelp}}</p>
        <form method="post" action="/bao-cao/{{token}}">
        <label>{{w.completedOn}} <input name="date" value="{{today}}" size="10"></label><br><br>
        <label>{{w.note}}<br><textarea name="note" rows="3" cols="40"></textarea></label><br><br>
        <button type="submit">{{w.reportDone}}</button>
        </form></section>
        """,
        "reports": """
        <h1>{{w.reports}}{{#label}} · {{label}}{{/label}}</h1>
        <section><form method="get" action="/bao-cao-ky"><label>{{w.period}} <input name="ky" value="{{asked}}"></label>
        <button type="submit">{{w.show}}</button></form><p>{{w.periodHelp}}</p>
        {{#refused}}<p class="notice">{{w.notAPeriod}}</p>{{/refused}}</section>
        {{#label}}<section><h2>{{w.counts}}</h2><table>
        {{#totals}}<tr><td>{{label}}</td><td data-field="{{field}}">{{count}}</td></tr>{{/totals}}
        </table>
        <p>{{w.download}}: <a href="/bao-cao-ky?ky={{code}}&amp;tai=xlsx">.xlsx</a> ·
        <a href="/bao-cao-ky?ky={{code}}&amp;tai=csv">.csv</a> · <a href="/bao-cao-ky?ky={{code}}&amp;tai=html">{{w.printable}}</a></p>
        </section>{{/label}}
        """,
        "calendar": """
        <h1>{{w.calendar}} {{year}}</h1>
        <section><form method="get" action="/lich"><label>{{w.year}} <input name="nam" value="{{year}}" size="4"></label>
        <button type="submit">{{w.show}}</button></form>
        <p>{{count}} {{w.workingDayCount}}</p>{{^announced}}<p class="notice">{{w.notAnnounced}}</p>{{/announced}}</section>
        <section><h2>{{w.daysOff}}</h2><table><tr><th>{{w.day}}</th><th>{{w.reason}}</th><th>{{w.source}}</th></tr>
        {{#daysOff}}<tr class="day-off"><td>{{weekday}} {{date}}</td><td>{{reason}}</td><td>{{source}}</td></tr>{{/daysOff}}
        </table></section>
        {{#hasWorked}}<section><h2>{{w.workedDays}}</h2><table>
        {{#worked}}<tr class="worked"><td>{{weekday}} {{date}}</td><td>{{reason}}</td><td>{{source}}</td></tr>{{/worked}}
        </table></section>{{/hasWorked}}
        """,
        "task": """
        <h1>{{id}} {{title}}</h1>
        <section><p>{{w.section}}: {{section}}<br>{{w.lead}}: {{lead}}<br>{{w.responsible}}: {{responsible}}</p>
        {{#note}}<p>{{w.note}}: {{note}}</p>{{/note}}</section>
        <section><h2>{{w.occurrences}}</h2>
        <table><tr><th>{{w.nominal}}</th><th>{{w.effective}}</th><th>{{w.status}}</th><th>{{w.completedOn}}</th></tr>
        {{#occurrences}}<tr data-occurrence="{{occurrence}}" data-status="{{status}}"><td>{{nominal}}</td><td>{{deadline}}</td>
        <td>{{statusLabel}}</td><td>{{#completed}}{{date}} {{note}}{{/completed}}
        {{#canEdit}}{{#completed}}<form method="post" action="/nhiem-vu/{{path}}/mo-lai">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="occurrence" value="{{occurrence}}">
        <button type="submit">{{w.reopen}}</button></form>{{/completed}}
        {{^completed}}<form method="post" action="/nhiem-vu/{{path}}/hoan-thanh">
        <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="occurrence" value="{{occurrence}}">
        <label>{{w.completedOn}} <input name="date" value="{{today}}" size="10"></label>
        <label>{{w.note}} <input name="note"></label>
        <button type="submit">{{w.record}}</button></form>{{/completed}}{{/canEdit}}</td></tr>{{/occurrences}}
        </table></section>
        <section><h2>{{w.sent}}</h2>
        {{^hasSent}}<p>{{w.noSent}}</p>{{/hasSent}}
        {{#hasSent}}<table><tr><th>{{w.day}}</th><th>{{w.to}}</th><th>{{w.state}}</th><th>{{w.answer}}</th></tr>
        {{#sent}}<tr class="sent"><td>{{day}}</td><td>{{recipient}} &lt;{{destination}}&gt;</td><td>{{state}}</td><td>{{answer}}</td></tr>{{/sent}}
        </table>{{/hasSent}}</section>
        <section><h2>{{w.history}}</h2>
        {{^hasHistory}}<p>{{w.noHistory}}</p>{{/hasHistory}}
        {{#hasHistory}}<table><tr><th>{{w.day}}</th><th>{{w.by}}</th><th>{{w.from}}</th><th></th><th>{{w.completedOn}}</th><th>{{w.note}}</th></tr>
        {{#history}}<tr class="history"><td>{{at}}</td><td>{{user}}</td><td>{{client}}</td><td>{{action}} {{occurrence}}</td><td>{{date}}</td><td>{{note}}</td></tr>{{/history}}
        </table>{{/hasHistory}}</section>
        """,
    ]

    /// A page: its body rendered, then the layout around it.
    static func page(_ name: String, title: String, values: [String: Any], words: [String: String]) -> String {
        var context = values
        context["w"] = words
        let body = library.render(context, withTemplate: name) ?? ""
        context["body"] = body
        context["title"] = title
        return library.render(context, withTemplate: "layout") ?? body
    }
}
