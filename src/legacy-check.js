// ES5 on purpose: Office 2019 volume-licensed editions run add-ins in Internet Explorer 11,
// where the add-in itself cannot run. Say so in Chinese instead of showing a blank pane.
(function () {
  if (!/Trident\//.test(navigator.userAgent)) return;
  window.xxgkUnsupported = true;
  document.addEventListener('DOMContentLoaded', function () {
    document.body.innerHTML =
      '<div style="font-family:Microsoft YaHei,sans-serif;padding:16px;line-height:1.6">' +
      '<h2 style="font-size:16px">年报助手无法在此版本的 Excel 中运行</h2>' +
      '<p>此 Excel 使用 Internet Explorer 11 显示加载项。请使用 Microsoft 365、Office 2021 或更新版本，' +
      '或安装 Microsoft Edge WebView2 运行时后重新打开 Excel；也可以使用网页版 Excel。</p></div>';
  });
})();
