package io.yizhan.issuer;

import io.yizhan.contracts.access.Role;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The demo issuer's sign-in page, in Chinese: one demo user per role (the machine client of a
 * district system is not a person and is not offered), the district or stations they act for,
 * and the demo password. The page's own request travels in hidden fields, so nothing is kept
 * between showing the form and checking it.
 */
final class LoginPage {

  private LoginPage() {}

  static String form(Map<String, String> request, @Nullable String problem, @Nullable String chosenUser) {
    StringBuilder users = new StringBuilder();
    for (String id : DemoClients.ids()) {
      Grant grant = DemoClients.grant(id).orElseThrow();
      if (grant.roles().contains(Role.DISTRICT_SYSTEM)) {
        continue;
      }
      String label = grant.roles().stream().findFirst().map(Role::label).orElse(id);
      users.append("<option value=\"").append(escape(id)).append('"')
          .append(id.equals(chosenUser) ? " selected" : "").append('>')
          .append(escape(label)).append("（").append(escape(id)).append("）</option>");
    }
    StringBuilder hidden = new StringBuilder();
    for (String field : new String[] {"client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method"}) {
      hidden.append("<input type=\"hidden\" name=\"").append(field).append("\" value=\"")
          .append(escape(request.getOrDefault(field, ""))).append("\">");
    }
    return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>登录 · 驿站</title>
        <style>
          body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #222; }
          header { padding: 12px 16px; background: #b71c1c; color: #fff; } header h1 { margin: 0; font-size: 20px; }
          form { max-width: 420px; margin: 24px auto; display: flex; flex-direction: column; gap: 12px; padding: 0 16px; }
          label { display: flex; flex-direction: column; gap: 4px; font-size: 14px; }
          input, select, button { font-size: 16px; padding: 6px 8px; }
          button { background: #b71c1c; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
          .hint { color: #555; font-size: 13px; } .error { color: #b71c1c; font-weight: bold; }
        </style></head>
        <body><header><h1>驿站 · 工会工作人员登录</h1></header>
        <form method="post" action="/oauth2/authorize">
          <p class="hint">这是本地开发用的演示登录：每个角色一个演示用户，密码都是 yizhan-demo。
          正式环境由市总工会的统一身份认证登录。</p>
          %s
          <label>身份<select name="user">%s</select></label>
          <label>所属区县（区县工会用，默认 %s）<input name="district" placeholder="例如 雁塔区"></label>
          <label>负责的站点编号（站点管理员、区域站长用，逗号分隔）<input name="stations"></label>
          <label>密码<input name="password" type="password" autocomplete="current-password" required></label>
          %s
          <button type="submit">登录</button>
        </form></body></html>
        """.formatted(problem == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(problem) + "</p>",
        users, escape(DemoClients.DEMO_DISTRICT), hidden);
  }

  /** A request the issuer will not send back to its page (unknown client, foreign redirect). */
  static String refusal(String why) {
    return """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>无法登录 · 驿站</title></head>
        <body style="font-family: system-ui, sans-serif; margin: 24px">
        <h1 style="font-size: 20px; color: #b71c1c">无法登录</h1>
        <p>%s</p><p>请从驿站的看板页面重新点击“登录”。</p></body></html>
        """.formatted(escape(why));
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
